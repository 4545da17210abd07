package dev.triage.probes;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The server certificate (leaf), parsed with BouncyCastle. The outcome is the most serious problem, in the order FAILED (a damaged certificate whose key or signature cannot be read), EXPIRED, NOT_YET_VALID, NAME_MISMATCH, WEAK_KEY, SELF_SIGNED; {@code problems} lists all of them. Details: {@code subject}, {@code sans}, {@code issuer}, {@code notBefore}, {@code notAfter} (ISO-8601), {@code daysLeft} (negative once expired), {@code keyType}, {@code keySize}, {@code signatureAlgorithm}, {@code selfSigned} ({@code true}, {@code false}, or {@code unknown} when the key cannot be read), {@code matchesName}, {@code chainLength}, {@code sha256}, {@code problems}.
 *
 * <p>Outcomes: {@code OK}, {@code EXPIRED}, {@code NOT_YET_VALID}, {@code NAME_MISMATCH}, {@code WEAK_KEY}, {@code SELF_SIGNED}, {@code FAILED} (the server sent no certificate, one that cannot be parsed, or one whose own key or signature cannot be read), {@code SKIPPED}.
 */
public record CertificateResult(Outcome outcome, String summary, Duration elapsed, Map<String, String> details)
        implements ProbeResult {

    /** The outcomes this step can have. */
    public static final Set<Outcome> ALLOWED = Set.copyOf(EnumSet.of(Outcome.OK, Outcome.EXPIRED, Outcome.NOT_YET_VALID, Outcome.NAME_MISMATCH, Outcome.WEAK_KEY, Outcome.SELF_SIGNED, Outcome.FAILED, Outcome.SKIPPED));

    public CertificateResult {
        Checks.outcome("certificate", outcome, ALLOWED);
        summary = Checks.summary(summary);
        elapsed = Checks.elapsed(elapsed);
        details = Checks.details(details);
    }

    /** A step that was not run; {@code reason} says which earlier result made it pointless. */
    public static CertificateResult skipped(String reason) {
        return new CertificateResult(Outcome.SKIPPED, reason, Duration.ZERO, Map.of("skipReason", reason));
    }

    @Override
    public String name() {
        return "certificate";
    }
}
