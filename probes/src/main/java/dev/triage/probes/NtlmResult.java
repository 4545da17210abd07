package dev.triage.probes;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * NTLM host information from the CredSSP exchange, without credentials (the probe stops after the CHALLENGE). Details: {@code netbiosComputerName}, {@code netbiosDomainName}, {@code dnsComputerName}, {@code dnsDomainName}, {@code dnsTreeName}, {@code productVersion} (major.minor.build), {@code osBuild}, {@code serverTime} (ISO-8601), {@code clockSkewSeconds} (server minus ours), {@code nameMatches} (whether the typed host names this computer), {@code credsspVersion}.
 *
 * <p>Outcomes: {@code OK}, {@code NOT_OFFERED}, {@code FAILED}, {@code SKIPPED}.
 */
public record NtlmResult(Outcome outcome, String summary, Duration elapsed, Map<String, String> details)
        implements ProbeResult {

    /** The outcomes this step can have. */
    public static final Set<Outcome> ALLOWED = Set.copyOf(EnumSet.of(Outcome.OK, Outcome.NOT_OFFERED, Outcome.FAILED, Outcome.SKIPPED));

    public NtlmResult {
        Checks.outcome("ntlm", outcome, ALLOWED);
        summary = Checks.summary(summary);
        elapsed = Checks.elapsed(elapsed);
        details = Checks.details(details);
    }

    /** A step that was not run; {@code reason} says which earlier result made it pointless. */
    public static NtlmResult skipped(String reason) {
        return new NtlmResult(Outcome.SKIPPED, reason, Duration.ZERO, Map.of("skipReason", reason));
    }

    @Override
    public String name() {
        return "ntlm";
    }
}
