package dev.triage.rules.internal;

import java.util.Objects;

/**
 * A question or probe a rule wants.
 *
 * @param name the question id or probe name
 * @param rule the rule that wants it
 */
public record Wanted(String name, String rule) {
    public Wanted {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rule, "rule");
    }
}
