package dev.triage.bot.http;

/** A request that does not have the documented shape; answered with 400 and the message. */
final class BadRequest extends RuntimeException {
    BadRequest(String message) {
        super(message);
    }
}
