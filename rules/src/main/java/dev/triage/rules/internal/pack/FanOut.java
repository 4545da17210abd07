package dev.triage.rules.internal.pack;

import java.util.Objects;

/**
 * One row of a plain fan-out table: when a pack's signal is seen, a question gets an answer or an error code is
 * decoded, add weight to a cause of the same pack. Rows are what one-fact DRL rules used to say; a rule that needs two facts stays DRL.
 *
 * @param pack    the pack whose signal or question this is, and whose cause it weighs
 * @param when    {@code "family id"} of a signal, {@code "question=answer"}, or {@code "kind code"} of a decoded code
 * @param causeId the cause
 * @param weight  points for (positive) or against (negative) the cause
 * @param lift    true when the row only re-weights a cause other evidence proposed; false when it supports it
 * @param rule    the row's name, shown as the evidence's rule
 * @param why     the row's rationale in a sentence or two, with its source where one exists; empty when the row gives
 *                none (answers.tsv of a bundled pack always does, see docs/packs.md)
 */
public record FanOut(String pack, String when, String causeId, int weight, boolean lift, String rule, String why) {
    public FanOut {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(causeId, "causeId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(why, "why");
    }
}
