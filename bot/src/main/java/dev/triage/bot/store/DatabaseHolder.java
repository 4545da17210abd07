package dev.triage.bot.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Names the process that has the embedded database open, in {@code db.holder} beside it, so that a second process
 * can say who holds the database instead of quoting H2's lock error. Advisory only: H2's own lock decides.
 */
final class DatabaseHolder {
    static final String FILE = "db.holder";

    private DatabaseHolder() {
    }

    static void claim(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            Files.deleteIfExists(file);
            PrivateFolder.writeNew(file, ProcessHandle.current().pid() + " "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n");
        } catch (IOException e) {
            // Only the message of a second process depends on it.
        }
    }

    static void release(Path dir) {
        Path file = dir.resolve(FILE);
        if (pid(file).filter(pid -> pid == ProcessHandle.current().pid()).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A stale file is harmless: the next holder replaces it.
            }
        }
    }

    /** "the server (pid 1234, since …)" when the holder left its name, else "another process". */
    static String describe(Path dir) {
        Path file = dir.resolve(FILE);
        Optional<Long> pid = pid(file);
        if (pid.isEmpty()) {
            return "another process";
        }
        String since = read(file).map(s -> s.split("\\s+")).filter(p -> p.length > 1).map(p -> ", since " + p[1])
                .orElse("");
        String alive = ProcessHandle.of(pid.get()).map(ProcessHandle::isAlive).orElse(false) ? "" : ", not running";
        return "the server or another triage command (pid " + pid.get() + since + alive + ")";
    }

    private static Optional<Long> pid(Path file) {
        try {
            return read(file).map(s -> s.split("\\s+")[0]).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
