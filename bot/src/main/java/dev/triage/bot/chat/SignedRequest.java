package dev.triage.bot.chat;

import java.util.Optional;

/**
 * A platform's check that it signed a webhook request over a timestamp header and the raw body (Slack's HMAC,
 * Discord's Ed25519). The verdict is shared so the adapters refuse and log alike; only the signature maths differs.
 */
public interface SignedRequest {

    /** Whether a request was signed by the platform, and if not, why not (for the log; never told to the caller). */
    sealed interface Verdict {
        record Valid() implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    Verdict verify(Optional<String> timestamp, Optional<String> signature, byte[] body);
}
