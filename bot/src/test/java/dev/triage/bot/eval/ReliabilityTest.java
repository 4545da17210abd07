package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityTest {
    /** A case whose first cause is stated with {@code confidence} and is right or wrong. */
    private static Evaluation.Result result(double confidence, boolean right) {
        EvalCase c = new EvalCase("x", "t", "a.right");
        return new Evaluation.Result(c, List.of(new Ranked(right ? "a.right" : "a.wrong", 10, confidence)));
    }

    @Test
    void binsByStatedConfidenceAndComparesWithObservedAccuracy() {
        List<Evaluation.Result> results = new ArrayList<>();
        results.add(result(0.9, true));
        results.add(result(0.9, true));
        results.add(result(0.9, false));
        results.add(result(0.1, false));

        Reliability r = Reliability.of(results);

        Reliability.Bin high = r.bins().get(4);
        assertThat(high.cases()).isEqualTo(3);
        assertThat(high.meanConfidence()).isCloseTo(0.9, within(1e-9));
        assertThat(high.accuracy()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(r.bins().get(0).accuracy()).isZero();
        // (3 x |0.667 - 0.9| + 1 x |0 - 0.1|) / 4
        assertThat(r.expectedCalibrationError()).isCloseTo((3 * (0.9 - 2 / 3.0) + 0.1) / 4, within(1e-9));
    }

    @Test
    void perfectlyCalibratedStatementsHaveNoError() {
        List<Evaluation.Result> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            results.add(result(0.5, i < 5));
        }
        assertThat(Reliability.of(results).expectedCalibrationError()).isCloseTo(0, within(1e-9));
    }

    @Test
    void aCaseWithNothingRankedCountsAsWrongAtZeroConfidence() {
        Reliability r = Reliability.of(List.of(new Evaluation.Result(new EvalCase("x", "t", "a.right"), List.of())));
        assertThat(r.bins().get(0).cases()).isEqualTo(1);
        assertThat(r.expectedCalibrationError()).isZero();
    }
}
