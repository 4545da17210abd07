package dev.triage.bot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;

/** Opens the database, migrates its schema, and closes it. */
public final class Database implements AutoCloseable {
    /** Connections in the pool unless configured: enough for the HTTP server's busy threads, few enough for H2. */
    public static final int DEFAULT_POOL = 32;
    // A request that waited this long for a connection fails rather than hanging on.
    private static final int LOGIN_TIMEOUT_SECONDS = 10;
    private final JdbcConnectionPool pool;
    private final Optional<Path> folder;

    private Database(JdbcConnectionPool pool, Optional<Path> folder) {
        this.pool = pool;
        this.folder = folder;
    }

    /** {@link #embedded(Path, int)} with the default pool. */
    public static Database embedded(Path dataDir) {
        return embedded(dataDir, DEFAULT_POOL);
    }

    /**
     * The embedded file database under {@code dataDir}, private to this process: no H2 server and no port, a 0700
     * folder with 0600 files, and a generated password in {@code db.secret}. {@code WRITE_DELAY=0} makes every
     * commit reach the file before the call returns, so {@code kill -9} loses nothing that was acknowledged.
     *
     * @throws DatabaseInUseException when another process has it open
     */
    public static Database embedded(Path dataDir, int maxConnections) {
        Path dir = dataDir.toAbsolutePath();
        PrivateFolder.create(dir);
        String url = "jdbc:h2:file:" + dir.resolve("triage") + ";WRITE_DELAY=0";
        try {
            Database db = open(url, EmbeddedSecret.USER, EmbeddedSecret.password(dir, url), maxConnections,
                    Optional.of(dir));
            PrivateFolder.tighten(dir); // the files H2 has just created with the process umask
            DatabaseHolder.claim(dir);
            return db;
        } catch (StoreException e) {
            tightenAfterFailure(dir, e);
            if (e.getCause() instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new DatabaseInUseException(dir, DatabaseHolder.describe(dir), sql);
            }
            throw e;
        }
    }

    /** H2 writes why it failed into its trace file, created with the process umask. */
    private static void tightenAfterFailure(Path dir, StoreException failure) {
        try {
            PrivateFolder.tighten(dir);
        } catch (StoreException e) {
            failure.addSuppressed(e);
        }
    }

    /** {@link #open(String, String, String, int)} with the default pool. */
    public static Database open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, DEFAULT_POOL);
    }

    /**
     * Any JDBC URL the migrations support; the schema is migrated before this returns. A URL that starts an H2
     * server or connects to one is the operator's choice: its port and login are then theirs to protect.
     */
    public static Database open(String jdbcUrl, String user, String password, int maxConnections) {
        return open(jdbcUrl, user, password, maxConnections, Optional.empty());
    }

    private static Database open(String url, String user, String password, int maxConnections,
            Optional<Path> folder) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
        pool.setMaxConnections(maxConnections);
        pool.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection first = pool.getConnection()) {
            // Connecting once before Flyway keeps H2's error code, which Flyway's wrapping would hide.
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (SQLException e) {
            pool.dispose();
            throw failure(url, e);
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("cannot prepare the database at " + url + ": " + e.getMessage(), e);
        }
        return new Database(pool, folder);
    }

    static StoreException failure(String url, SQLException e) {
        return new StoreException("cannot open the database at " + url + ": " + e.getMessage(), e);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
        folder.ifPresent(DatabaseHolder::release);
    }
}
