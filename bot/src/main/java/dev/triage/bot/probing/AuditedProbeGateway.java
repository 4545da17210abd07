package dev.triage.bot.probing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.store.AuditEntry;
import dev.triage.bot.store.CaseStore;
import dev.triage.probes.PolicyDecision;
import dev.triage.probes.ProbeListener;
import dev.triage.probes.ProbeReport;
import dev.triage.probes.ProbeResult;
import dev.triage.probes.Prober;
import dev.triage.probes.RateLimiter;
import dev.triage.probes.Target;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Probes through the target policy and a per-user rate limit, and audits every decision with what it found. */
public final class AuditedProbeGateway implements ProbeGateway {
    static final int TARGET_WIDTH = 300;
    static final int REASON_WIDTH = 1000;

    private final Prober prober;
    private final CaseStore store;
    private final RateLimiter limiter;
    private final Clock clock;
    private final ObjectMapper json;

    public AuditedProbeGateway(Prober prober, CaseStore store, RateLimiter limiter, Clock clock, ObjectMapper json) {
        this.prober = prober;
        this.store = store;
        this.limiter = limiter;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public ProbeRun run(String host, String actor, Optional<String> caseId) {
        return run(host, actor, caseId, ProbeListener.NONE).run();
    }

    /** Runs the probes and returns the whole report as well, for the {@code probe} command. */
    public Outcome run(String host, String actor, Optional<String> caseId, ProbeListener listener) {
        Target.Parsed parsed = Target.parse(host);
        if (parsed instanceof Target.Parsed.Invalid invalid) {
            String reason = "not a host name or address: " + invalid.reason();
            audit(actor, caseId, host, Optional.empty(), "DENIED", reason, Optional.empty());
            return refused(host, "INVALID", reason);
        }
        Target target = ((Target.Parsed.Valid) parsed).target();
        if (limiter.tryAcquire(actor) instanceof RateLimiter.Decision.Limited limited) {
            String reason = "too many probes; try again in " + Math.max(1, limited.retryAfter().toSeconds()) + " s";
            audit(actor, caseId, host, Optional.empty(), "RATE_LIMITED", reason, Optional.empty());
            return refused(host, "RATE_LIMITED", reason);
        }
        ProbeReport report = prober.probe(target, listener);
        List<ProbeOutcome> steps = report.results().stream().map(AuditedProbeGateway::outcome).toList();
        Optional<PolicyDecision> decision = report.decision();
        audit(actor, caseId, host, decision.flatMap(PolicyDecision::checkedAddress).map(InetAddress::getHostAddress),
                decision.map(d -> d.isAllowed() ? "ALLOWED" : "DENIED").orElse("UNRESOLVED"),
                decision.map(PolicyDecision::reason).orElse("the name did not resolve"), Optional.of(toJson(steps)));
        return new Outcome(new ProbeRun(host, steps), Optional.of(report));
    }

    /** A run's steps, and the probes' own report when the probes ran. */
    public record Outcome(ProbeRun run, Optional<ProbeReport> report) {
    }

    static ProbeOutcome outcome(ProbeResult r) {
        return new ProbeOutcome(r.name(), r.outcome().name(), r.outcome().passed(), r.summary(),
                r.elapsed().toMillis(), r.details());
    }

    private static Outcome refused(String host, String status, String reason) {
        ProbeOutcome step = new ProbeOutcome("policy", status, false, reason, 0, Map.of("reason", reason));
        return new Outcome(new ProbeRun(host, List.of(step)), Optional.empty());
    }

    /**
     * Writes the audit row. The target and reason are cut to their column widths (probe_audit.target VARCHAR(300),
     * reason VARCHAR(1000)) so that a refused oversized host is still audited instead of failing the request.
     */
    private void audit(String actor, Optional<String> caseId, String target, Optional<String> address,
            String decision, String reason, Optional<String> results) {
        store.audit(new AuditEntry(clock.instant(), actor, caseId, cut(target, TARGET_WIDTH), address, decision,
                cut(reason, REASON_WIDTH), results));
    }

    /** {@code text}, or its first {@code width - 1} characters and an ellipsis when it is longer. */
    static String cut(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int end = width - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return text.substring(0, end) + "…";
    }

    private String toJson(List<ProbeOutcome> steps) {
        try {
            return json.writeValueAsString(steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("probe results are plain records", e);
        }
    }
}
