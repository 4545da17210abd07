package dev.triage.rules.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each option of each unanswered question would do to the causes: the summed weight per cause of the rules that
 * matched its hypothetical {@link Answer}. Every option was in the same rule session, so this costs no second run.
 */
final class AnswerEffects {
    private final Map<String, Map<String, Integer>> byAnswer;

    private AnswerEffects(Map<String, Map<String, Integer>> byAnswer) {
        this.byAnswer = byAnswer;
    }

    static AnswerEffects of(List<Contribution> all) {
        Map<String, Map<String, Integer>> byAnswer = new HashMap<>();
        for (Contribution c : all) {
            if (c.fact() instanceof Answer a && a.hypothetical()) {
                byAnswer.computeIfAbsent(key(a.questionId(), a.value()), k -> new HashMap<>())
                        .merge(c.causeId(), c.weight(), Integer::sum);
            }
        }
        return new AnswerEffects(byAnswer);
    }

    /** Cause id to the change in its score if the user answered {@code value}; empty when nothing would change. */
    Map<String, Integer> of(String questionId, String value) {
        return byAnswer.getOrDefault(key(questionId, value), Map.of());
    }

    private static String key(String question, String value) {
        return question + "=" + value;
    }
}
