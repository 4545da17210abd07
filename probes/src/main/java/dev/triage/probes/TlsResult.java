package dev.triage.probes;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * TLS on the RDP connection. Details: {@code protocol} and {@code cipherSuite} (of the handshake made), {@code versions} (comma list of the versions the server accepted, each tried with a hand-built ClientHello: {@code TLSv1}, {@code TLSv1.1}, {@code TLSv1.2}, {@code TLSv1.3}), {@code rejected.<version>} (how a version was refused), {@code error}.
 *
 * <p>Outcomes: {@code OK}, {@code NO_COMMON_VERSION}, {@code HANDSHAKE_FAILED}, {@code RESET}, {@code SKIPPED}.
 */
public record TlsResult(Outcome outcome, String summary, Duration elapsed, Map<String, String> details)
        implements ProbeResult {

    /** The outcomes this step can have. */
    public static final Set<Outcome> ALLOWED = Set.copyOf(EnumSet.of(Outcome.OK, Outcome.NO_COMMON_VERSION, Outcome.HANDSHAKE_FAILED, Outcome.RESET, Outcome.SKIPPED));

    public TlsResult {
        Checks.outcome("tls", outcome, ALLOWED);
        summary = Checks.summary(summary);
        elapsed = Checks.elapsed(elapsed);
        details = Checks.details(details);
    }

    /** A step that was not run; {@code reason} says which earlier result made it pointless. */
    public static TlsResult skipped(String reason) {
        return new TlsResult(Outcome.SKIPPED, reason, Duration.ZERO, Map.of("skipReason", reason));
    }

    @Override
    public String name() {
        return "tls";
    }
}
