package dev.triage.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Update-else-insert, the same on H2 and PostgreSQL (H2's {@code MERGE ... KEY} and PostgreSQL's
 * {@code ON CONFLICT} are each the other's syntax error). When two writers race to insert the same key, the one
 * whose insert hits the key updates instead, so the later write wins as with a merge.
 */
final class Upsert {
    /** SQLSTATE of a unique-key violation, the same in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    /** One statement on a connection; returns the rows it changed. */
    @FunctionalInterface
    interface Write {
        int apply(Connection c) throws SQLException;
    }

    private Upsert() {
    }

    /** Runs {@code update}, and {@code insert} if it changed nothing; each in its own transaction. */
    static void run(DataSource dataSource, Write update, Write insert) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (update.apply(c) > 0) {
                return;
            }
            try {
                insert.apply(c);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                update.apply(c);
            }
        }
    }
}
