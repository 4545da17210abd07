package dev.triage.bot.store;

import java.util.Optional;

/**
 * The SQL state of a database failure, for log lines: it names what went wrong without the driver's message, which
 * may echo stored (pasted) values. Here because only the store may know JDBC's types.
 */
public final class SqlStates {
    private SqlStates() {
    }

    /** The state, when the exception is a JDBC failure that has one. */
    public static Optional<String> of(Throwable thrown) {
        return thrown instanceof java.sql.SQLException sql ? Optional.ofNullable(sql.getSQLState()) : Optional.empty();
    }
}
