package dev.triage.bot.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/** Opens the database (H2 embedded or by URL, or PostgreSQL), migrates its schema, and closes it. */
public final class Database implements AutoCloseable {
    /** Connections in the pool unless configured: enough for the HTTP server's busy threads, few enough for H2. */
    public static final int DEFAULT_POOL = 32;
    // password=... in a PostgreSQL URL's query or ;PASSWORD=... in an H2 URL's settings.
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    // The readiness check's own limit: a load balancer's probe must not hang on a stuck database.
    private static final int READY_TIMEOUT_SECONDS = 2;
    private final ConnectionPool pool;
    private final Optional<Path> folder;
    private final int migrations;

    private Database(ConnectionPool pool, Optional<Path> folder, int migrations) {
        this.pool = pool;
        this.folder = folder;
        this.migrations = migrations;
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
     * An H2 or PostgreSQL database by its JDBC URL; the schema is migrated before this returns. Several processes
     * may open one PostgreSQL database at once: Flyway's lock lets one of them migrate while the others wait. A URL
     * that starts an H2 server or connects to one is the operator's choice: its port and login are then theirs to
     * protect.
     *
     * @throws StoreException naming the URL (without any password in it) when the database cannot be reached or
     *                        migrated, or when the URL is neither H2's nor PostgreSQL's
     */
    public static Database open(String jdbcUrl, String user, String password, int maxConnections) {
        return open(jdbcUrl, user, password, maxConnections, Optional.empty());
    }

    private static Database open(String url, String user, String password, int maxConnections,
            Optional<Path> folder) {
        String vendor = vendor(url);
        ConnectionPool pool = null;
        try {
            pool = vendor.equals("h2") ? ConnectionPool.h2(url, user, password, maxConnections)
                    : ConnectionPool.hikari(url, user, password, maxConnections);
            try (Connection first = pool.dataSource().getConnection()) {
                // Connecting once before Flyway keeps the driver's error code, which Flyway's wrapping would hide.
            }
            return new Database(pool, folder, migrate(pool.dataSource(), vendor));
        } catch (SQLException e) {
            closeQuietly(pool);
            throw failure(url, e);
        } catch (FlywayException e) {
            closeQuietly(pool);
            throw new StoreException("cannot prepare the database at " + shown(url) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The migrations written once for every database, plus the few whose SQL differs ({@code db/vendor/h2},
     * {@code db/vendor/postgresql}); Flyway applies them in version order.
     */
    private static int migrate(DataSource dataSource, String vendor) {
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/vendor/" + vendor, "classpath:db/migration").load();
        flyway.migrate();
        return flyway.info().applied().length;
    }

    /**
     * Empty when the database answers and holds at least the migrations this version applied at start (a newer
     * instance may have added more); otherwise what is wrong, in words for an operator.
     */
    public Optional<String> notReady() {
        try (Connection c = pool.dataSource().getConnection(); Statement count = c.createStatement()) {
            count.setQueryTimeout(READY_TIMEOUT_SECONDS);
            try (ResultSet rs = count.executeQuery(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\"")) {
                int applied = rs.next() ? rs.getInt(1) : 0;
                return applied >= migrations ? Optional.empty() : Optional.of("the database has " + applied
                        + " of the " + migrations + " schema migrations this version needs");
            }
        } catch (SQLException e) {
            return Optional.of("the database does not answer: " + e.getMessage());
        }
    }

    /** The Flyway database type of the URL, which names its folder of migrations. */
    private static String vendor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new StoreException("database.url (TRIAGE_JDBC_URL) must be an H2 URL (jdbc:h2:...) or a PostgreSQL"
                + " URL (jdbc:postgresql://host:port/database), not " + shown(url));
    }

    /** The URL for messages and logs: a password given in it is replaced by stars. */
    public static String shown(String url) {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    private static void closeQuietly(ConnectionPool pool) {
        if (pool != null) {
            pool.close();
        }
    }

    static StoreException failure(String url, SQLException e) {
        return new StoreException("cannot open the database at " + shown(url) + ": " + e.getMessage(), e);
    }

    public DataSource dataSource() {
        return pool.dataSource();
    }

    /** Connections lent out right now, for the pool-use metric. */
    public int connectionsInUse() {
        return pool.inUse();
    }

    /** The most connections the pool opens. */
    public int maxConnections() {
        return pool.max();
    }

    @Override
    public void close() {
        pool.close();
        folder.ifPresent(DatabaseHolder::release);
    }
}
