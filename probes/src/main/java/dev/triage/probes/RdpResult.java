package dev.triage.probes;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * RDP negotiation (X.224 Connection Request with RDP_NEG_REQ). Details: {@code requestedProtocols}, {@code selectedProtocol} ({@code RDP}/{@code SSL}/{@code HYBRID}/{@code HYBRID_EX}), {@code acceptedProtocols} (comma list from one request per security layer), {@code rejected.<PROTOCOL>} (failure code the server gave that request), {@code failureCode} (on FAILURE), {@code nlaRequired}, {@code negotiationFlags}, {@code sourceReference} (hex; xrdp and Windows send 1234, FreeRDP 0000), {@code fingerprint}, {@code firstBytes} (hex, on GARBAGE).
 *
 * <p>Outcomes: {@code OK}, {@code FAILURE}, {@code NO_RESPONSE}, {@code RESET}, {@code GARBAGE}, {@code SKIPPED}.
 */
public record RdpResult(Outcome outcome, String summary, Duration elapsed, Map<String, String> details)
        implements ProbeResult {

    /** The outcomes this step can have. */
    public static final Set<Outcome> ALLOWED = Set.copyOf(EnumSet.of(Outcome.OK, Outcome.FAILURE, Outcome.NO_RESPONSE, Outcome.RESET, Outcome.GARBAGE, Outcome.SKIPPED));

    public RdpResult {
        Checks.outcome("rdp", outcome, ALLOWED);
        summary = Checks.summary(summary);
        elapsed = Checks.elapsed(elapsed);
        details = Checks.details(details);
    }

    /** A step that was not run; {@code reason} says which earlier result made it pointless. */
    public static RdpResult skipped(String reason) {
        return new RdpResult(Outcome.SKIPPED, reason, Duration.ZERO, Map.of("skipReason", reason));
    }

    @Override
    public String name() {
        return "rdp";
    }
}
