package dev.triage.rules;

import java.util.List;

/**
 * The result of one diagnosis.
 *
 * @param causes       causes ranked by confidence, best first, each with its evidence
 * @param questions    follow-up questions worth asking, the most separating first; empty when nothing is left to ask
 * @param wantedProbes probe names the rules would like to run ({@code dns}, {@code tcp}, ...), empty when none
 */
public record Diagnosis(List<RankedCause> causes, List<Question> questions, List<String> wantedProbes) {
    public Diagnosis {
        causes = List.copyOf(causes);
        questions = List.copyOf(questions);
        wantedProbes = List.copyOf(wantedProbes);
    }
}
