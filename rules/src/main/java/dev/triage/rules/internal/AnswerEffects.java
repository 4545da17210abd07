package dev.triage.rules.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each option of each unanswered question would do to the causes: the summed weight per cause of the rules that
 * matched its hypothetical {@link Answer}, and which causes it would propose (a non-lift positive weight, which is what
 * puts a cause on the {@link Ranking}). Every option was in the same rule session, so this costs no second run.
 */
final class AnswerEffects {
    private final Map<String, Map<String, Integer>> byAnswer;
    private final Map<String, Set<String>> proposed;

    private AnswerEffects(Map<String, Map<String, Integer>> byAnswer, Map<String, Set<String>> proposed) {
        this.byAnswer = byAnswer;
        this.proposed = proposed;
    }

    static AnswerEffects of(List<Contribution> all) {
        Map<String, Map<String, Integer>> byAnswer = new HashMap<>();
        Map<String, Set<String>> proposed = new HashMap<>();
        for (Contribution c : all) {
            if (c.fact() instanceof Answer a && a.hypothetical()) {
                String key = key(a.questionId(), a.value());
                byAnswer.computeIfAbsent(key, k -> new HashMap<>()).merge(c.causeId(), c.weight(), Integer::sum);
                if (!c.lift() && c.weight() > 0) {
                    proposed.computeIfAbsent(key, k -> new HashSet<>()).add(c.causeId());
                }
            }
        }
        return new AnswerEffects(byAnswer, proposed);
    }

    /** Cause id to the change in its score if the user answered {@code value}; empty when nothing would change. */
    Map<String, Integer> of(String questionId, String value) {
        return byAnswer.getOrDefault(key(questionId, value), Map.of());
    }

    /** The causes answer {@code value} would make candidates of, ranked already or not. */
    Set<String> proposes(String questionId, String value) {
        return proposed.getOrDefault(key(questionId, value), Set.of());
    }

    private static String key(String question, String value) {
        return question + "=" + value;
    }
}
