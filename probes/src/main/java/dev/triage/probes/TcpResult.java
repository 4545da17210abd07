package dev.triage.probes;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * TCP connect to the vetted address. {@code TIMEOUT} means no answer to the SYN: filtered. Details: {@code address}, {@code port}, {@code connectMillis}.
 *
 * <p>Outcomes: {@code CONNECTED}, {@code REFUSED}, {@code TIMEOUT}, {@code RESET}, {@code UNREACHABLE}, {@code SKIPPED}.
 */
public record TcpResult(Outcome outcome, String summary, Duration elapsed, Map<String, String> details)
        implements ProbeResult {

    /** The outcomes this step can have. */
    public static final Set<Outcome> ALLOWED = Set.copyOf(EnumSet.of(Outcome.CONNECTED, Outcome.REFUSED, Outcome.TIMEOUT, Outcome.RESET, Outcome.UNREACHABLE, Outcome.SKIPPED));

    public TcpResult {
        Checks.outcome("tcp", outcome, ALLOWED);
        summary = Checks.summary(summary);
        elapsed = Checks.elapsed(elapsed);
        details = Checks.details(details);
    }

    /** A step that was not run; {@code reason} says which earlier result made it pointless. */
    public static TcpResult skipped(String reason) {
        return new TcpResult(Outcome.SKIPPED, reason, Duration.ZERO, Map.of("skipReason", reason));
    }

    @Override
    public String name() {
        return "tcp";
    }
}
