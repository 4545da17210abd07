package dev.triage.bot.chat.slack;

import dev.triage.bot.chat.RequestAge;
import dev.triage.bot.chat.SignedRequest;
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
final class SlackSignature implements SignedRequest {
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String VERSION = "v0";

    private final SecretKeySpec key;
    private final RequestAge age;

    SlackSignature(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.age = new RequestAge(clock, WINDOW);
    }

    @Override
    public Verdict verify(Optional<String> timestamp, Optional<String> signature, byte[] body) {
        Verdict age = this.age.check(timestamp, signature);
        if (age instanceof Verdict.Refused) {
            return age;
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
