package dev.triage.rules;

import java.util.List;
import java.util.Objects;

/**
 * A follow-up question with its answer options.
 *
 * @param id      question id ({@code environment}, {@code other-hosts-work}, ...)
 * @param text    the prompt shown to the user
 * @param options the answers a user can pick; empty for a free-text question (e.g. {@code target-host})
 */
public record Question(String id, String text, List<Option> options) {
    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
    }

    public boolean freeText() {
        return options.isEmpty();
    }

    /** One answer option: the value stored in the case and the label shown on a button. */
    public record Option(String value, String label) {
        public Option {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }
}
