package dev.triage.probes;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The target policy's decision, as a ladder step; {@link ProbeReport#decision()} carries the full value. Details: {@code address}, {@code reason}, {@code rule} (the allow entry that matched).
 *
 * <p>Outcomes: {@code ALLOWED}, {@code DENIED}, {@code SKIPPED}.
 */
public record PolicyResult(Outcome outcome, String summary, Duration elapsed, Map<String, String> details)
        implements ProbeResult {

    /** The outcomes this step can have. */
    public static final Set<Outcome> ALLOWED = Set.copyOf(EnumSet.of(Outcome.ALLOWED, Outcome.DENIED, Outcome.SKIPPED));

    public PolicyResult {
        Checks.outcome("policy", outcome, ALLOWED);
        summary = Checks.summary(summary);
        elapsed = Checks.elapsed(elapsed);
        details = Checks.details(details);
    }

    /** A step that was not run; {@code reason} says which earlier result made it pointless. */
    public static PolicyResult skipped(String reason) {
        return new PolicyResult(Outcome.SKIPPED, reason, Duration.ZERO, Map.of("skipReason", reason));
    }

    @Override
    public String name() {
        return "policy";
    }
}
