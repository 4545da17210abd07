package dev.triage.rules.internal;

import dev.triage.rules.ArticleFact;
import dev.triage.rules.ScoredReason;
import java.util.Objects;

/**
 * One rule's scored statement about a cause.
 *
 * @param causeId the cause
 * @param weight  points for (positive) or against (negative) the cause
 * @param rule    the rule that fired
 * @param fact    the fact it matched, described in the evidence sentence
 * @param lift    true when the rule only re-weights a cause other evidence already proposed; a lift alone never puts
 *                a cause on the list
 */
public record Contribution(String causeId, int weight, String rule, Object fact, boolean lift) implements ScoredReason {
    public Contribution {
        Objects.requireNonNull(causeId, "causeId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(fact, "fact");
    }

    /** True when the matched fact is an answer the user has not given. */
    public boolean hypothetical() {
        return fact instanceof Answer a && a.hypothetical();
    }

    /**
     * True when the fact is a knowledge article's similarity to the text rather than anything the case states; a cause's
     * base rate, which states nothing about the case either, counts with them.
     */
    @Override
    public boolean articleMatch() {
        return fact instanceof ArticleFact || fact instanceof BaseRate;
    }
}
