package dev.triage.bot.eval;

import java.util.Map;
import java.util.Objects;

/**
 * One labelled case: what the user wrote, the cause the thread resolved it to, and what the user could have told a
 * helper who asked (question id to option value), as far as the thread says.
 *
 * @param answers the answers the poster knew; a question missing here is answered "don't know" in a dialogue
 */
public record EvalCase(String id, String text, String cause, Map<String, String> answers) {
    public EvalCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(cause, "cause");
        answers = Map.copyOf(answers);
    }

    /** A case scored from its text alone. */
    public EvalCase(String id, String text, String cause) {
        this(id, text, cause, Map.of());
    }
}
