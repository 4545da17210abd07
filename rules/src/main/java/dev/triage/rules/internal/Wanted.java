package dev.triage.rules.internal;

import java.util.Objects;

/**
 * A question a rule wants asked.
 *
 * @param name the question id
 * @param rule the rule that wants it
 */
public record Wanted(String name, String rule) {
    public Wanted {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
    }
}
