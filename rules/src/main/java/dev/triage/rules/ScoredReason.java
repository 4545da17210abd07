package dev.triage.rules;

import java.util.Collection;

/**
 * A reason for or against a cause with its points: the engine's contributions while it ranks, the {@link Evidence}
 * a reply shows. Both answer "does anything but article similarity speak for this cause?" the same way.
 */
public interface ScoredReason {
    /** Points for (positive) or against (negative) the cause. */
    int weight();

    /**
     * True when the reason is a knowledge article's similarity to the text, not something the case states (a cause's
     * base rate, how common it is among resolved cases, counts with them: it states nothing about the case either).
     */
    boolean articleMatch();

    /**
     * True when every reason that speaks for the cause is an article match: no code, message, wording, environment,
     * answer or probe does. Such causes are stated with less confidence ({@link Softmax}).
     */
    static boolean onArticlesOnly(Collection<? extends ScoredReason> reasons) {
        return reasons.stream().filter(r -> r.weight() > 0).allMatch(ScoredReason::articleMatch);
    }
}
