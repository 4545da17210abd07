package dev.triage.bot.chat.discord;

import dev.triage.bot.chat.RequestAge;
import dev.triage.bot.chat.SignedRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Discord's request signature: {@code X-Signature-Ed25519} is the hex Ed25519 signature of
 * {@code X-Signature-Timestamp + raw body} under the application's public key (interactions overview, "Security and
 * Authorization"). Checked with the JDK's own Ed25519 on the bytes as received, before anything parses them. Discord
 * documents no timestamp window; a five-minute one is added so a captured request cannot be replayed later.
 */
final class DiscordSignature implements SignedRequest {
    static final Duration WINDOW = Duration.ofMinutes(5);
    /** The DER prefix that turns a raw 32-byte Ed25519 key into an X.509 SubjectPublicKeyInfo (RFC 8410). */
    private static final String SPKI_PREFIX = "302a300506032b6570032100";
    private static final int SIGNATURE_BYTES = 64;

    private final PublicKey key;
    private final RequestAge age;

    /** @param publicKeyHex the application's public key from the Developer Portal: 64 hex digits */
    DiscordSignature(String publicKeyHex, Clock clock) {
        this.key = publicKey(publicKeyHex);
        this.age = new RequestAge(clock, WINDOW);
    }

    /**
     * Signs and verifies once with a throw-away key, so the JDK's Ed25519 code is loaded and warm before Discord's
     * first request, which must be answered within 3 s.
     */
    static void warmUp() {
        try {
            java.security.KeyPair pair = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            byte[] message = "warm-up".getBytes(StandardCharsets.UTF_8);
            signer.update(message);
            byte[] signature = signer.sign();
            for (int i = 0; i < 20; i++) {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(pair.getPublic());
                verifier.update(message);
                verifier.verify(signature);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }

    static PublicKey publicKey(String hex) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(HexFormat.of().parseHex(SPKI_PREFIX + hex)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key in hex: " + e.getMessage(), e);
        }
    }

    @Override
    public Verdict verify(Optional<String> timestamp, Optional<String> signature, byte[] body) {
        Verdict age = this.age.check(timestamp, signature);
        if (age instanceof Verdict.Refused) {
            return age;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.get().strip());
        } catch (IllegalArgumentException e) {
            return new Verdict.Refused("the signature is not hex");
        }
        if (given.length != SIGNATURE_BYTES) {
            return new Verdict.Refused("the signature is not 64 bytes");
        }
        return valid(timestamp.get(), body, given) ? new Verdict.Valid()
                : new Verdict.Refused("the signature does not match");
    }

    /** Ed25519 verification does the same work whatever the signature holds, so it leaks nothing by its timing. */
    private boolean valid(String timestamp, byte[] body, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ed25519.update(body);
            return ed25519.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
        }
    }
}
