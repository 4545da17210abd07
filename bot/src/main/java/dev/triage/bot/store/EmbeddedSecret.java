package dev.triage.bot.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The password of the embedded database, generated once and kept in {@code db.secret} (0600) beside it. The folder
 * is private already; the password is a second lock for the day someone turns on an H2 server or copies the file
 * out, since whoever can log in to H2 can run Java code through {@code CREATE ALIAS}.
 */
final class EmbeddedSecret {
    static final String USER = "sa";
    static final String FILE = "db.secret";
    // Written before the password is changed and renamed after, so a crash in between never locks us out.
    private static final String PENDING = "db.secret.pending";

    private EmbeddedSecret() {
    }

    /** The password for {@code url}; sets one on a database that older versions created with an empty one. */
    static String password(Path dir, String url) {
        Path secret = dir.resolve(FILE);
        try {
            if (Files.exists(secret)) {
                return Files.readString(secret).strip();
            }
            if (!Files.exists(dir.resolve("triage.mv.db"))) {
                return createFor(secret);
            }
            Path pending = dir.resolve(PENDING);
            boolean resumed = Files.exists(pending);
            if (!resumed) {
                PrivateFolder.writeNew(pending, generate());
            }
            String password = Files.readString(pending).strip();
            replaceEmptyPassword(dir, url, password, resumed);
            Files.move(pending, secret, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new StoreException("cannot read or write the database password file " + secret + ": "
                    + e.getMessage(), e);
        }
    }

    private static String createFor(Path secret) throws IOException {
        try {
            PrivateFolder.writeNew(secret, generate());
        } catch (FileAlreadyExistsException e) {
            // Another process starting on the same folder won the race; its password is the one.
        }
        return Files.readString(secret).strip();
    }

    private static void replaceEmptyPassword(Path dir, String url, String password, boolean resumed) {
        JdbcDataSource legacy = new JdbcDataSource();
        legacy.setURL(url);
        legacy.setUser(USER);
        legacy.setPassword("");
        try (Connection c = legacy.getConnection(); Statement s = c.createStatement()) {
            // DDL takes no parameters; the password is base64url, so it cannot break out of the literal.
            s.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD && resumed) {
                return; // a previous start changed it and stopped before renaming the pending file
            }
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                deleteQuietly(dir.resolve(PENDING));
                throw new StoreException("the database in " + dir + " has a password, but " + FILE + " beside it "
                        + "is missing: restore " + FILE + " from the backup of the database", e);
            }
            throw Database.failure(url, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Left behind, it would make the next start take it for a change of its own that it did not finish.
        }
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
