package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.rules.Softmax;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
    private static final int CAUSES = 40;
    private static final Softmax MODEL = new Softmax(2, 6, 0.5, 0.15, -2);

    @Test
    void eachFileIsStatedWithConstantsFittedWithoutIt() {
        Map<String, List<Evaluation.Result>> byFile = new LinkedHashMap<>();
        byFile.put("a.jsonl", CalibrationFitTest.drawn(MODEL, 300, new Random(1)));
        byFile.put("b.jsonl", CalibrationFitTest.drawn(MODEL, 300, new Random(2)));
        byFile.put("c.jsonl", CalibrationFitTest.drawn(MODEL, 200, new Random(3)));

        CrossValidation cv = CrossValidation.leaveOneFileOut(byFile, CAUSES, t -> CalibrationFit.fit(t, CAUSES).softmax());

        assertThat(cv.folds()).containsOnlyKeys("a.jsonl", "b.jsonl", "c.jsonl");
        Softmax withoutC = CalibrationFit.fit(concat(byFile.get("a.jsonl"), byFile.get("b.jsonl")), CAUSES).softmax();
        assertThat(cv.folds().get("c.jsonl")).isEqualTo(withoutC);
        double pooled = 0;
        for (var e : byFile.entrySet()) {
            pooled += CalibrationFit.at(e.getValue(), CAUSES, cv.folds().get(e.getKey())).logLoss() * e.getValue().size();
        }
        assertThat(cv.logLoss()).isCloseTo(pooled / 800, within(1e-12));
        assertThat(cv.restated().results()).hasSize(800);
        assertThat(cv.restated().reliability().expectedCalibrationError()).isLessThan(0.06);
    }

    /** A file that is unlike the others is stated badly out of sample, however well it fits in sample. */
    @Test
    void aFileUnlikeTheOthersShowsOutOfSample() {
        Map<String, List<Evaluation.Result>> byFile = new LinkedHashMap<>();
        byFile.put("sure.jsonl", CalibrationFitTest.drawn(MODEL, 400, new Random(4)));
        byFile.put("wrong.jsonl", CalibrationFitTest.drawn(new Softmax(2, 6, -3, 0, 0), 400, new Random(5)));

        CrossValidation cv = CrossValidation.leaveOneFileOut(byFile, CAUSES, t -> CalibrationFit.fit(t, CAUSES).softmax());
        List<Evaluation.Result> all = concat(byFile.get("sure.jsonl"), byFile.get("wrong.jsonl"));

        assertThat(cv.logLoss()).isGreaterThan(CalibrationFit.fit(all, CAUSES).logLoss() + 0.2);
        assertThat(cv.restated().reliability().expectedCalibrationError()).isGreaterThan(0.2);
    }

    private static List<Evaluation.Result> concat(List<Evaluation.Result> a, List<Evaluation.Result> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
