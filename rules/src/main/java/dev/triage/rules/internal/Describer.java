package dev.triage.rules.internal;

import dev.triage.rules.ArticleFact;
import dev.triage.rules.CodeFact;
import dev.triage.rules.ProbeFinding;
import dev.triage.rules.internal.evidence.UserEvidence;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Writes the human sentence of an evidence entry, naming the fact a rule matched. */
final class Describer {
    private final QuestionCatalog questions;

    Describer(QuestionCatalog questions) {
        this.questions = questions;
    }

    String describe(Object fact) {
        if (fact instanceof CodeFact c) {
            return code(c);
        }
        if (fact instanceof Signal s) {
            return signal(s);
        }
        if (fact instanceof Answer a) {
            return "answer to '" + a.questionId() + "': " + questions.label(a.questionId(), a.value());
        }
        if (fact instanceof ArticleFact a) {
            return "a knowledge article on " + a.causeId() + " matched the text (score " + twoDecimals(a.score()) + ")";
        }
        if (fact instanceof BaseRate r) {
            return r.describe();
        }
        if (fact instanceof HealthyServer h) {
            return h.describe();
        }
        if (fact instanceof ProbeFinding f) {
            return FindingSentence.of(f);
        }
        if (fact instanceof UserEvidence e) {
            return e.describe();
        }
        return fact.toString();
    }

    /**
     * The score as {@code %.2f} would print it (half up on the shortest decimal form), without a Formatter: every
     * turn describes every article fact, and String.format was a fiftieth of a turn.
     */
    static String twoDecimals(double score) {
        if (!Double.isFinite(score) || score <= 0) {
            return String.format(Locale.ROOT, "%.2f", score);
        }
        return new BigDecimal(Double.toString(score)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The code as the views name and show it (the decoder's label and spelling), then what it means. */
    private static String code(CodeFact c) {
        String meaning = CodeMeanings.meaning(c);
        return c.label() + " " + c.shown() + (meaning.isEmpty() ? "" : ": " + meaning);
    }

    private static String signal(Signal s) {
        String what = switch (s.family()) {
            case "client" -> "the client looks like " + s.id();
            case "env" -> "the setup involves " + s.id();
            default -> "the text speaks of " + s.id().replace('-', ' ');
        };
        return what + " (\"" + s.excerpt() + "\")";
    }
}
