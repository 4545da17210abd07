package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationFitTest {
    private static final int CAUSES = 40;

    /**
     * Cases drawn from the ranking's own model with T = 2 and S0 = 6: two causes with scores 12 and 8 and the truth
     * sampled from the softmax. The fit must find constants close to those it was generated with.
     */
    @Test
    void recoversTheConstantsTheCasesWereDrawnFrom() {
        Random random = new Random(7);
        double t = 2;
        double s0 = 6;
        double a = Math.exp(12 / t);
        double b = Math.exp(8 / t);
        double rest = Math.exp(s0 / t);
        List<Evaluation.Result> results = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            double u = random.nextDouble() * (a + b + rest);
            String truth = u < a ? "c.a" : u < a + b ? "c.b" : "c.other" + (i % 38);
            results.add(new Evaluation.Result(new EvalCase("x" + i, "t", truth),
                    List.of(new Ranked("c.a", 12, 0), new Ranked("c.b", 8, 0))));
        }

        CalibrationFit fit = CalibrationFit.fit(results, CAUSES);

        assertThat(fit.temperature()).isCloseTo(t, within(0.5));
        assertThat(fit.unexplained()).isCloseTo(s0, within(1.5));
        assertThat(fit.logLoss()).isLessThanOrEqualTo(CalibrationFit.at(results, CAUSES, 4, 8).logLoss());
    }

    @Test
    void aConfidentRightRankingScoresBetterThanAHesitantOne() {
        List<Evaluation.Result> results = List.of(new Evaluation.Result(new EvalCase("x", "t", "c.a"),
                List.of(new Ranked("c.a", 20, 0), new Ranked("c.b", 2, 0))));

        CalibrationFit sharp = CalibrationFit.at(results, CAUSES, 2, 0);
        CalibrationFit flat = CalibrationFit.at(results, CAUSES, 20, 0);

        assertThat(sharp.brier()).isLessThan(flat.brier());
        assertThat(sharp.logLoss()).isLessThan(flat.logLoss());
    }
}
