package dev.triage.bot.store;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/** Opens the database, migrates its schema, and closes it. */
public final class Database implements AutoCloseable {
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * The embedded file database under {@code dataDir}. {@code WRITE_DELAY=0} makes every commit reach the file
     * before the call returns, so {@code kill -9} loses nothing that was acknowledged. {@code AUTO_SERVER} lets the
     * command line write its probe audit while {@code serve} holds the same database.
     */
    public static Database embedded(Path dataDir) {
        // AUTO_SERVER opens a TCP port for the other processes on this machine; H2 binds it to every interface unless
        // told otherwise, and nothing but this machine should ever reach the database.
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("triage") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
        return open(url, "sa", "");
    }

    /** Any JDBC URL the migrations support; the schema is migrated before this returns. */
    public static Database open(String jdbcUrl, String user, String password) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user, password);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("cannot prepare the database at " + jdbcUrl + ": " + e.getMessage(), e);
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
