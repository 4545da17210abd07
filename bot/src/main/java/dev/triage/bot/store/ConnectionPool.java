package dev.triage.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/** The connections to one database: H2 brings its own pool; PostgreSQL's driver has none, so Hikari pools them. */
sealed interface ConnectionPool extends AutoCloseable {
    // A request that waited this long for a connection fails rather than hanging on.
    int LOGIN_TIMEOUT_SECONDS = 10;

    DataSource dataSource();

    /** Connections lent out right now. */
    int inUse();

    int max();

    @Override
    void close();

    static ConnectionPool h2(String url, String user, String password, int max) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
        pool.setMaxConnections(max);
        pool.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        return new H2(pool, max);
    }

    /**
     * A pool that has connected once, so a wrong address or login fails here with the driver's own error.
     *
     * @throws SQLException the driver's reason when the first connection fails
     */
    static ConnectionPool hikari(String url, String user, String password, int max) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(max);
        // Idle instances keep few connections open: PostgreSQL spends a process on each, for every instance.
        config.setMinimumIdle(Math.min(4, max));
        config.setConnectionTimeout(LOGIN_TIMEOUT_SECONDS * 1000L);
        config.setPoolName("triage-db");
        try {
            return new Hikari(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException(e.getMessage(), e);
        }
    }

    record H2(JdbcConnectionPool dataSource, int max) implements ConnectionPool {
        @Override
        public int inUse() {
            return dataSource.getActiveConnections();
        }

        @Override
        public void close() {
            dataSource.dispose();
        }
    }

    record Hikari(HikariDataSource dataSource) implements ConnectionPool {
        @Override
        public int inUse() {
            return dataSource.getHikariPoolMXBean().getActiveConnections();
        }

        @Override
        public int max() {
            return dataSource.getMaximumPoolSize();
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }
}
