package dev.triage.bot.conversation;

import dev.triage.rules.Diagnoser;
import dev.triage.rules.Question;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks an answer against the question catalog, naming the valid ids or options when it does not fit. */
final class AnswerCheck {
    static final String TARGET_HOST = "target-host";
    private static final int MAX_FREE_TEXT = 300;

    private AnswerCheck() {
    }

    static Optional<String> problem(Diagnoser diagnoser, String questionId, String value) {
        Optional<Question> question = diagnoser.question(questionId == null ? "" : questionId.strip());
        if (question.isEmpty()) {
            String ids = diagnoser.questions().stream().map(Question::id).sorted().collect(Collectors.joining(", "));
            return Optional.of("There is no question '" + questionId + "'. Questions: " + ids + ".");
        }
        Question q = question.get();
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.of("The answer to '" + q.id() + "' is empty." + optionsHint(q));
        }
        if (q.freeText()) {
            return v.length() > MAX_FREE_TEXT || v.chars().anyMatch(Character::isISOControl)
                    ? Optional.of("The answer to '" + q.id() + "' must be one line of at most " + MAX_FREE_TEXT
                            + " characters.")
                    : Optional.empty();
        }
        boolean known = q.options().stream().anyMatch(o -> o.value().equals(v));
        return known ? Optional.empty()
                : Optional.of("'" + v + "' is not an answer to '" + q.id() + "'." + optionsHint(q));
    }

    private static String optionsHint(Question q) {
        if (q.freeText()) {
            return "";
        }
        return " Answers: " + q.options().stream().map(Question.Option::value).collect(Collectors.joining(", ")) + ".";
    }
}
