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
    /**
     * JumpServer Lion's own codes (1000-1011, knowledge jumpserver-lion-status.tsv) travel as Guacamole statuses, whose
     * own numbers end at 797 (0x31D): from here a status is Lion's, and its hex means nothing to anyone. The same line
     * as knowledge's DecodedCode.jumpServerLion(), which the views use; this module sees codes only as facts.
     */
    private static final long FIRST_LION_CODE = 1000;
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

    private static String code(CodeFact c) {
        String label = switch (c.kind()) {
            case "disconnect" -> "error code";
            case "extended" -> "extended code";
            case "errinfo" -> "server error info";
            case "errconnect" -> "FreeRDP error";
            case "status" -> "Windows error";
            case "openssl" -> "OpenSSL error";
            case "guacamole" -> c.value() >= FIRST_LION_CODE ? "JumpServer Lion code" : "Guacamole status";
            default -> "code";
        };
        String meaning = CodeMeanings.meaning(c);
        return label + " " + shown(c) + (meaning.isEmpty() ? "" : ": " + meaning);
    }

    /** Gateways print Guacamole's statuses in decimal ("error 519"); the user should find the number they pasted. */
    private static String shown(CodeFact c) {
        if (!c.kind().equals("guacamole")) {
            return c.code();
        }
        return c.value() >= FIRST_LION_CODE ? Long.toString(c.value()) : c.value() + " (" + c.code() + ")";
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
