package dev.triage.rules.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rules of one session said. The DRL consequences only ever append here (one global per session), which
 * keeps working memory limited to the inputs and makes firing order irrelevant.
 */
public final class Outputs {
    private final List<Contribution> contributions = new ArrayList<>();
    private final List<Wanted> questions = new ArrayList<>();

    /** Evidence for (or against) a cause; positive support puts the cause on the list. */
    public void support(String causeId, int weight, String rule, Object fact) {
        contributions.add(new Contribution(causeId, weight, rule, fact, false));
    }

    /** Re-weights a cause only if other evidence already proposed it. */
    public void lift(String causeId, int weight, String rule, Object fact) {
        contributions.add(new Contribution(causeId, weight, rule, fact, true));
    }

    public void ask(String questionId, String rule) {
        questions.add(new Wanted(questionId, rule));
    }

    public List<Contribution> contributions() {
        return List.copyOf(contributions);
    }

    public List<Wanted> questions() {
        return List.copyOf(questions);
    }
}
