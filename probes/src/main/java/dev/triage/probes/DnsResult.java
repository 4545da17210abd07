package dev.triage.probes;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Name resolution. Details: {@code addresses} (comma list, all of them), {@code literal} (true when the target was an IP address), {@code reverseName} (PTR of the probed address, when there is one), {@code vantage} (for a name: {@code triage} when Triage's own resolver answered, {@code shared} when it is configured as the users' DNS, see {@link Prober.Builder#sharedDns}).
 *
 * <p>Outcomes: {@code RESOLVED}, {@code NXDOMAIN}, {@code FAILED}, {@code SKIPPED}.
 */
public record DnsResult(Outcome outcome, String summary, Duration elapsed, Map<String, String> details)
        implements ProbeResult {

    /** The outcomes this step can have. */
    public static final Set<Outcome> ALLOWED = Set.copyOf(EnumSet.of(Outcome.RESOLVED, Outcome.NXDOMAIN, Outcome.FAILED, Outcome.SKIPPED));

    public DnsResult {
        Checks.outcome("dns", outcome, ALLOWED);
        summary = Checks.summary(summary);
        elapsed = Checks.elapsed(elapsed);
        details = Checks.details(details);
    }

    /** A step that was not run; {@code reason} says which earlier result made it pointless. */
    public static DnsResult skipped(String reason) {
        return new DnsResult(Outcome.SKIPPED, reason, Duration.ZERO, Map.of("skipReason", reason));
    }

    @Override
    public String name() {
        return "dns";
    }
}
