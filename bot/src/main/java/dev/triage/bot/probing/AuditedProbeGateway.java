package dev.triage.bot.probing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.store.AuditEntry;
import dev.triage.bot.store.CaseStore;
import dev.triage.probes.PolicyDecision;
import dev.triage.probes.ProbeListener;
import dev.triage.probes.ProbeReport;
import dev.triage.probes.Prober;
import dev.triage.probes.Target;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Probes through the probe scopes, the target policy and the rate limits, and audits every decision with who asked,
 * what it found and, when a scopes file is configured, the rule that decided.
 */
public final class AuditedProbeGateway implements ProbeGateway {
    static final int TARGET_WIDTH = 300;
    static final int REASON_WIDTH = 1000;

    private final Prober prober;
    private final CaseStore store;
    private final ProbeLimits limits;
    private final Clock clock;
    private final ObjectMapper json;
    private final ProbeScopes scopes;

    /** Without probe scopes: every identity may probe what the prober's policy allows. */
    public AuditedProbeGateway(Prober prober, CaseStore store, ProbeLimits limits, Clock clock, ObjectMapper json) {
        this(prober, store, limits, clock, json, ProbeScopes.unscoped());
    }

    /** @param scopes who may probe what from where; the prober's policy stays the ceiling */
    public AuditedProbeGateway(Prober prober, CaseStore store, ProbeLimits limits, Clock clock, ObjectMapper json,
            ProbeScopes scopes) {
        this.prober = prober;
        this.store = store;
        this.limits = limits;
        this.clock = clock;
        this.json = json;
        this.scopes = scopes;
    }

    @Override
    public ProbeRun run(String host, Identity who, Optional<String> caseId, ProbeListener listener) {
        return runWithReport(host, who, caseId, listener).run();
    }

    /** Runs the probes and returns the whole report as well, for the {@code probe} command. */
    public Outcome runWithReport(String host, Identity who, Optional<String> caseId, ProbeListener listener) {
        Target.Parsed parsed = Target.parse(host);
        if (parsed instanceof Target.Parsed.Invalid invalid) {
            String reason = "not a host name or address: " + invalid.reason();
            audit(who, caseId, host, Optional.empty(), "DENIED", reason, Optional.empty());
            return refused(host, "INVALID", reason, Optional.empty());
        }
        Target target = ((Target.Parsed.Valid) parsed).target();
        ProbeScope scope = scopes.scopeOf(who);
        if (scope instanceof ProbeScope.Refused) {
            // Before the rate limits: a refusal costs the user no tokens and tells nothing about the host.
            audit(who, caseId, host, Optional.empty(), "DENIED", "probes refused: " + scope.origin(), Optional.empty());
            return refused(host, "DENIED", notAllowed(who), Optional.empty());
        }
        Optional<Duration> wait = limits.tryAcquire(who, target.host());
        if (wait.isPresent()) {
            String reason = "too many probes; try again in " + Math.max(1, wait.get().toSeconds()) + " s";
            audit(who, caseId, host, Optional.empty(), "RATE_LIMITED", reason, Optional.empty());
            return refused(host, "RATE_LIMITED", reason, wait);
        }
        ProbeReport report = scope instanceof ProbeScope.Within within
                ? prober.probe(target, within.entries(), within.origin(), listener)
                : prober.probe(target, listener);
        List<ProbeOutcome> steps = report.results().stream().map(ProbeOutcome::of).toList();
        Optional<PolicyDecision> decision = report.decision();
        audit(who, caseId, host, decision.flatMap(PolicyDecision::checkedAddress).map(InetAddress::getHostAddress),
                decision.map(d -> d.isAllowed() ? "ALLOWED" : "DENIED").orElse("UNRESOLVED"),
                naming(scope, decision.map(PolicyDecision::reason).orElse("the name did not resolve")),
                Optional.of(toJson(steps)));
        return new Outcome(new ProbeRun(host, steps, Optional.empty()), Optional.of(report));
    }

    /** A run's steps, and the probes' own report when the probes ran. */
    public record Outcome(ProbeRun run, Optional<ProbeReport> report) {
    }

    /** The audit's reason, naming the probes.scopes rule that let the run go ahead when a scopes file is in use. */
    private String naming(ProbeScope scope, String reason) {
        return !scopes.configured() || reason.contains(scope.origin()) ? reason : reason + " (" + scope.origin() + ")";
    }

    /** What the user reads when their scope allows no probes: it names no rule, list or host. */
    static String notAllowed(Identity who) {
        return "live probes are not allowed for you " + (who.channel().isEmpty() ? "here" : "in this channel")
                + "; the diagnosis is from the text only";
    }

    private static Outcome refused(String host, String status, String reason, Optional<Duration> retryAfter) {
        ProbeOutcome step = new ProbeOutcome("policy", status, false, reason, 0, Map.of("reason", reason));
        return new Outcome(new ProbeRun(host, List.of(step), retryAfter), Optional.empty());
    }

    /**
     * Writes the audit row. The target and reason are cut to their column widths (probe_audit.target VARCHAR(300),
     * reason VARCHAR(1000)) so that a refused oversized host is still audited instead of failing the request.
     */
    private void audit(Identity who, Optional<String> caseId, String target, Optional<String> address,
            String decision, String reason, Optional<String> results) {
        store.audit(new AuditEntry(clock.instant(), who.key(), caseId, cut(target, TARGET_WIDTH), address, decision,
                cut(reason, REASON_WIDTH), results, who.surface().id(), who.place()));
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
