package dev.triage.bot.conversation;

import dev.triage.probes.ProbeListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs the live probes for a conversation: checks the target policy and the rate limits, probes, and audits every
 * decision under the identity that asked. The conversation only sees the outcome.
 */
public interface ProbeGateway {

    /** A gateway that never probes, for one-shot diagnoses with probes switched off. */
    ProbeGateway OFF = (host, who, caseId, listener) -> new ProbeRun(host, List.of(), Optional.empty());

    /** Probes {@code host}, reporting each step to {@code listener} as it starts and ends. */
    ProbeRun run(String host, Identity who, Optional<String> caseId, ProbeListener listener);

    default ProbeRun run(String host, Identity who, Optional<String> caseId) {
        return run(host, who, caseId, ProbeListener.NONE);
    }

    /**
     * The steps of one probe run; a refusal by the policy is a single {@code policy} step.
     *
     * @param target     the host as given
     * @param steps      every step, in ladder order
     * @param retryAfter set when a rate limit refused the run: it says nothing about the host, so it is not stored
     *                   as the host's result, and the run may be tried again after this long
     */
    record ProbeRun(String target, List<ProbeOutcome> steps, Optional<Duration> retryAfter) {
        public ProbeRun {
            Objects.requireNonNull(target, "target");
            steps = List.copyOf(steps);
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public boolean rateLimited() {
            return retryAfter.isPresent();
        }
    }
}
