package dev.triage.rules;

import java.util.Objects;

/**
 * One reason for (or against) a cause.
 *
 * @param rule         the name of the rule that fired
 * @param text         a human sentence naming the fact it matched, e.g. "extended error code 0x7: the server denied
 *                     the connection"
 * @param weight       the rule's contribution; negative when it speaks against the cause
 * @param articleMatch true when the fact is a knowledge article's similarity to the text (or the cause's base rate),
 *                     not something the case states; a cause only such reasons speak for is stated with less
 *                     confidence ({@link Softmax})
 */
public record Evidence(String rule, String text, int weight, boolean articleMatch) implements ScoredReason {
    public Evidence {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
    }

    /** Evidence from something the case states. */
    public Evidence(String rule, String text, int weight) {
        this(rule, text, weight, false);
    }
}
