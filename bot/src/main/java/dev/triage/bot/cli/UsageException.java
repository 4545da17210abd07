package dev.triage.bot.cli;

/** The command line was not understood; the message says what is wrong. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
