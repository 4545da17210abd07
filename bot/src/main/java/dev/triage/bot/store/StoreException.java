package dev.triage.bot.store;

import dev.triage.bot.BotException;

/** The database failed; nothing the user did can cause it. */
public class StoreException extends BotException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
