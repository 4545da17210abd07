package dev.triage.bot;

/** Root of the bot's exceptions: bad configuration and broken infrastructure, never a user's bad input. */
public class BotException extends RuntimeException {
    public BotException(String message) {
        super(message);
    }

    public BotException(String message, Throwable cause) {
        super(message, cause);
    }
}
