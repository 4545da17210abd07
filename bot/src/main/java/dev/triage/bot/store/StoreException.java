package dev.triage.bot.store;

import dev.triage.bot.BotException;

/** The database failed; nothing the user did can cause it. */
public class StoreException extends BotException {
    public StoreException(String message, Throwable cause) {
        // The state names what went wrong without the driver's message, which may echo stored (pasted) values and
        // so stays out of the logs above debug level.
        super(cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                ? message + " (SQL state " + sql.getSQLState() + ")" : message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
