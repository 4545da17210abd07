package dev.triage.probes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one probe run found, in ladder order: dns, policy, tcp, rdp, tls, certificate, ntlm. Every step has a
 * result (steps made pointless by an earlier one are {@code SKIPPED}). Immutable.
 *
 * @param decision        the policy decision, empty when the name did not resolve
 * @param deadlineReached whether the overall deadline cut the run short
 */
public record ProbeReport(Target target, Optional<PolicyDecision> decision, List<ProbeResult> results,
                          Duration elapsed, boolean deadlineReached) {

    /** The step names in ladder order. */
    public static final List<String> LADDER = List.of("dns", "policy", "tcp", "rdp", "tls", "certificate", "ntlm");

    public ProbeReport {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(decision, "decision");
        results = List.copyOf(results);
        Objects.requireNonNull(elapsed, "elapsed");
        List<String> names = results.stream().map(ProbeResult::name).toList();
        if (!names.equals(LADDER)) {
            throw new IllegalArgumentException("results must follow the ladder " + LADDER + ": " + names);
        }
    }

    public Optional<ProbeResult> result(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The result of the given type, e.g. {@code report.get(TcpResult.class)}. */
    public <T extends ProbeResult> T get(Class<T> type) {
        return results.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no result of type " + type.getSimpleName()));
    }

    /**
     * One line per step: mark ({@code ✓}, {@code ✗} or {@code –}), name, outcome, milliseconds, summary. For a CLI;
     * chat renderers will usually format {@link #results()} themselves.
     */
    public List<String> ladder() {
        List<String> lines = new ArrayList<>();
        for (ProbeResult r : results) {
            String mark = r.outcome().isNeutral() ? "–" : r.outcome().passed() ? "✓" : "✗";
            lines.add(String.format("%s %-11s %-16s %6d ms  %s", mark, r.name(), r.outcome(),
                    r.elapsed().toMillis(), r.summary()));
        }
        return lines;
    }
}
