package dev.triage.rules.internal;

import java.util.Objects;

/**
 * An answer to a follow-up question.
 *
 * @param questionId   the question
 * @param value        the chosen option value (or free text)
 * @param hypothetical true for an answer the user has not given, inserted to measure what each option would change;
 *                     its contributions never count towards the ranking
 */
public record Answer(String questionId, String value, boolean hypothetical) {
    public Answer {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(value, "value");
    }

    /** True when the user actually gave this answer. */
    public boolean given() {
        return !hypothetical;
    }
}
