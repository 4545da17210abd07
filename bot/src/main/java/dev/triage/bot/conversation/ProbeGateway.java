package dev.triage.bot.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Runs the live probes for a conversation: checks the target policy and the rate limit, probes, and audits every
 * decision. The conversation only sees the outcome.
 */
public interface ProbeGateway {

    /** A gateway that never probes, for one-shot diagnoses with probes switched off. */
    ProbeGateway OFF = (host, actor, caseId) -> new ProbeRun(host, List.of());

    ProbeRun run(String host, String actor, Optional<String> caseId);

    /**
     * The steps of one probe run; a refusal by the policy is a single {@code policy} step.
     *
     * @param target the host as given
     * @param steps  every step, in ladder order
     */
    record ProbeRun(String target, List<ProbeOutcome> steps) {
        public ProbeRun {
            steps = List.copyOf(steps);
        }
    }
}
