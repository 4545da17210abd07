package dev.triage.rules;

import java.util.Objects;

/**
 * One reason for (or against) a cause.
 *
 * @param rule   the name of the rule that fired
 * @param text   a human sentence naming the fact it matched, e.g. "extended code 0x7: the server denied the connection"
 * @param weight the rule's contribution; negative when it speaks against the cause
 */
public record Evidence(String rule, String text, int weight) {
    public Evidence {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
    }
}
