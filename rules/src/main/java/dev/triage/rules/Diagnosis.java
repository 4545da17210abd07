package dev.triage.rules;

import java.util.List;

/**
 * The result of one diagnosis.
 *
 * @param causes              causes ranked by confidence, best first, each with its evidence
 * @param questions           follow-up questions worth asking, the most separating first; empty when nothing is left
 * @param serverLooksHealthy  Triage's probes found the server accepting TCP, negotiating RDP, completing TLS and
 *                            presenting a valid certificate (self-signed is the RDP default), so the fault is more
 *                            likely on the client or the path
 */
public record Diagnosis(List<RankedCause> causes, List<Question> questions, boolean serverLooksHealthy) {
    public Diagnosis {
        causes = List.copyOf(causes);
        questions = List.copyOf(questions);
    }

    /** The ranked causes' ids, best first: what an evaluation or a test compares against a label. */
    public List<String> causeIds() {
        return causes.stream().map(RankedCause::id).toList();
    }
}
