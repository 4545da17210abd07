package dev.triage.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A follow-up question with its answer options.
 *
 * @param id           question id ({@code environment}, {@code other-hosts-work}, ...)
 * @param text         the prompt shown to the user
 * @param options      the answers a user can pick; empty for a free-text question (e.g. {@code target-host})
 * @param unknownShare how often people asked this cannot answer it (0..1): the chance that asking gains nothing
 */
public record Question(String id, String text, List<Option> options, double unknownShare) {
    /** The value of the option that says "I don't know" or "not tried": it is stored, and it changes no cause. */
    public static final String DONT_KNOW = "unknown";

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
        if (unknownShare < 0 || unknownShare >= 1) {
            throw new IllegalArgumentException("unknownShare of " + id + " must be in [0, 1): " + unknownShare);
        }
    }

    /** A question everyone can answer. */
    public Question(String id, String text, List<Option> options) {
        this(id, text, options, 0);
    }

    public boolean freeText() {
        return options.isEmpty();
    }

    /** The "don't know" option, when the question offers one. */
    public Optional<Option> dontKnow() {
        return options.stream().filter(o -> o.value().equals(DONT_KNOW)).findFirst();
    }

    /** One answer option: the value stored in the case and the label shown on a button. */
    public record Option(String value, String label) {
        public Option {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }
}
