package dev.triage.bot.store;

import java.nio.file.Path;

/**
 * Another process has the embedded database open. H2 lets one process at a time open the file, and the database is
 * deliberately not shared over a port, so a command that needs it cannot run beside {@code triage serve}.
 */
public final class DatabaseInUseException extends StoreException {
    private final Path folder;

    DatabaseInUseException(Path folder, String holder, Throwable cause) {
        super(holder + " holds the database in " + folder, cause);
        this.folder = folder;
    }

    /** The data folder whose database is in use. */
    public Path folder() {
        return folder;
    }
}
