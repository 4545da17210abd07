package dev.triage.bot.chat.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}
 * over the raw body bytes, with {@code X-Slack-Request-Timestamp} at most five minutes from now either way. Bolt
 * checks this too, but lets timestamps from the future through and compares with {@code String.equals}; this check
 * runs first, on the bytes as received, and compares in constant time.
 */
final class SlackSignature {
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String VERSION = "v0";

    private final SecretKeySpec key;
    private final Clock clock;

    SlackSignature(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /** Whether a request was signed by Slack, and if not, why not (for the log; never told to the caller). */
    sealed interface Verdict {
        record Valid() implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    Verdict verify(Optional<String> timestamp, Optional<String> signature, byte[] body) {
        if (timestamp.isEmpty() || signature.isEmpty()) {
            return new Verdict.Refused("no signature or timestamp");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.get().strip());
        } catch (NumberFormatException e) {
            return new Verdict.Refused("the timestamp is not a number");
        }
        long skew = Math.abs(clock.instant().getEpochSecond() - seconds);
        if (skew > WINDOW.toSeconds()) {
            return new Verdict.Refused("the timestamp is " + skew + " s away from now");
        }
        byte[] expected = sign(timestamp.get().strip(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.get().strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? new Verdict.Valid()
                : new Verdict.Refused("the signature does not match");
    }

    /** The {@code v0=...} signature of a body sent at {@code timestamp}. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((VERSION + ":" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return VERSION + "=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
