package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.triage.rules.Softmax;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationFitTest {
    private static final int CAUSES = 40;
    private static final Softmax TRUE = new Softmax(2, 6, 0.5, 0.15, -2);

    /**
     * Cases drawn from the ranking's own model: two causes with scores that vary case by case, a third of the leaders
     * resting on articles only, and the truth sampled from the stated distribution. The fit must find constants close to
     * those the cases were drawn from.
     */
    @Test
    void recoversTheConstantsTheCasesWereDrawnFrom() {
        List<Evaluation.Result> results = drawn(TRUE, 3000, new Random(7));

        CalibrationFit fit = CalibrationFit.fit(results, CAUSES);

        assertThat(fit.softmax().temperature()).isCloseTo(TRUE.temperature(), within(0.5));
        assertThat(fit.softmax().unexplained()).isCloseTo(TRUE.unexplained(), within(1.5));
        assertThat(fit.softmax().leadIntercept()).isCloseTo(TRUE.leadIntercept(), within(0.3));
        assertThat(fit.softmax().leadPerPoint()).isCloseTo(TRUE.leadPerPoint(), within(0.04));
        assertThat(fit.softmax().articlesOnly()).isCloseTo(TRUE.articlesOnly(), within(0.5));
        assertThat(fit.logLoss()).isLessThanOrEqualTo(CalibrationFit.at(results, CAUSES,
                new Softmax(4, 8, 0, 0.1, 0)).logLoss());
    }

    @Test
    void refittingTheLeadAloneKeepsTemperatureAndUnexplained() {
        List<Evaluation.Result> results = drawn(TRUE, 1500, new Random(11));
        Softmax held = new Softmax(3, 5, 0, 0, 0);

        CalibrationFit lead = CalibrationFit.fitLead(results, CAUSES, held);

        assertThat(lead.softmax().temperature()).isEqualTo(3);
        assertThat(lead.softmax().unexplained()).isEqualTo(5);
        assertThat(lead.logLoss()).isLessThan(CalibrationFit.at(results, CAUSES, held).logLoss());
    }

    /**
     * Development cases drawn from a model whose leaders are right more often than the unseen cases' (a higher lead
     * intercept, as tuning makes them), the same slope and article penalty: the fit states the unseen cases' level and
     * a shape both sets share, where a fit on the development cases alone states the development level. (The drawn
     * first cause is never stated below the second, so a fit does not return the drawing constants exactly.)
     */
    @Test
    void theLevelComesFromTheUnseenCasesAndTheShapeFromBoth() {
        Softmax unseenModel = new Softmax(2, 6, -0.6, 0.15, -2);
        List<Evaluation.Result> development = drawn(TRUE, 3000, new Random(3));
        List<Evaluation.Result> unseen = drawn(unseenModel, 1500, new Random(5));
        Softmax held = new Softmax(2, 6, 0, 0, 0);

        Softmax fitted = CalibrationFit.fitLead(development, unseen, CAUSES, held).softmax();
        Softmax developmentOnly = CalibrationFit.fitLead(development, CAUSES, held).softmax();
        Softmax unseenOnly = CalibrationFit.fitLead(unseen, CAUSES, held).softmax();
        assertThat(fitted.leadIntercept()).isCloseTo(unseenOnly.leadIntercept(), within(0.15))
                .isLessThan(developmentOnly.leadIntercept() - 0.5);
        assertThat(fitted.leadPerPoint()).isBetween(Math.min(unseenOnly.leadPerPoint(), developmentOnly.leadPerPoint()),
                Math.max(unseenOnly.leadPerPoint(), developmentOnly.leadPerPoint()));
    }

    @Test
    void aConfidentRightRankingScoresBetterThanAHesitantOne() {
        List<Evaluation.Result> results = List.of(new Evaluation.Result(new EvalCase("x", "t", "c.a"),
                List.of(new Ranked("c.a", 20, 0), new Ranked("c.b", 2, 0))));

        CalibrationFit sharp = CalibrationFit.at(results, CAUSES, new Softmax(2, 0, 0, 0.3, 0));
        CalibrationFit flat = CalibrationFit.at(results, CAUSES, new Softmax(2, 0, 0, 0.01, 0));

        assertThat(sharp.brier()).isLessThan(flat.brier());
        assertThat(sharp.logLoss()).isLessThan(flat.logLoss());
    }

    /** {@code n} cases whose truth is drawn from what {@code model} states for their ranking. */
    static List<Evaluation.Result> drawn(Softmax model, int n, Random random) {
        List<Evaluation.Result> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int second = 1 + random.nextInt(14);
            int first = second + random.nextInt(21);
            boolean articlesOnly = i % 3 == 0;
            double[] p = model.distribution(new int[] {first, second}, articlesOnly);
            double u = random.nextDouble();
            String truth = u < p[0] ? "c.a" : u < p[0] + p[1] ? "c.b" : "c.other" + (i % 38);
            results.add(new Evaluation.Result(new EvalCase("x" + i, "t", truth),
                    List.of(new Ranked("c.a", first, 0, articlesOnly), new Ranked("c.b", second, 0))));
        }
        return results;
    }
}
