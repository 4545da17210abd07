package dev.triage.bot.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder only its owner can enter: 0700, with its files 0600. Java cannot set the process umask, and H2 creates its
 * files (lock, trace, temporary results) with the default one, usually 0644; the 0700 folder is what keeps other
 * local users out of those, and {@link #tighten} narrows the files too. On a file system without POSIX permissions
 * (Windows) both are no-ops: there the folder inherits the ACL of where it is created.
 */
final class PrivateFolder {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFolder() {
    }

    /** Creates the folder (and missing parents) as 0700, or makes an existing one 0700; then {@link #tighten}s. */
    static void create(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, attributes(FOLDER));
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new StoreException("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        tighten(dir);
    }

    /** Makes the folder 0700 and every file directly in it 0600; a folder created by an older version was 0755. */
    static void tighten(Path dir) {
        if (!posix()) {
            return;
        }
        try {
            Files.setPosixFilePermissions(dir, FOLDER);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(file, FILE);
                }
            }
        } catch (IOException e) {
            // Not the owner, typically: then this process should not be keeping its data there either.
            throw new StoreException("cannot make the data folder " + dir + " private to this user (0700, files "
                    + "0600): " + e.getMessage(), e);
        }
    }

    /** Writes a new file that only the owner can read, replacing nothing. */
    static void writeNew(Path file, String content) throws IOException {
        Files.writeString(Files.createFile(file, attributes(FILE)), content);
    }

    private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().containsAll(List.of("posix"));
    }
}
