package dev.triage.bot.eval;

import java.util.List;
import java.util.Locale;

/**
 * Fits the ranking's two softmax constants, the temperature T and the score S0 of "a cause without evidence", to
 * labelled cases by minimising the log-loss of the true cause (a grid search; two parameters need nothing smarter),
 * and reports the Brier score of the ranking beside it.
 *
 * <p>The model is the ranking's own: {@code p(c) = exp(s(c)/T) / (exp(S0/T) + sum_j exp(s(j)/T))}. A true cause that
 * was not ranked at all gets its share of the "something else" mass, spread evenly over the causes not ranked.
 *
 * @param temperature points of evidence per factor e of odds
 * @param unexplained the score of "something else"
 * @param brier       the mean Brier score: squared error of the stated distribution over the ranked causes and
 *                    "something else" against the truth (0 is perfect, 2 the worst)
 * @param logLoss     the mean negative log-probability of the true cause, in nats
 */
public record CalibrationFit(double temperature, double unexplained, double brier, double logLoss) {
    private static final double T_MIN = 1;
    private static final double T_MAX = 20;
    private static final double T_STEP = 0.25;
    private static final double S0_MIN = -10;
    private static final double S0_MAX = 40;
    private static final double S0_STEP = 0.5;

    /** The best constants on these results; {@code causes} is how many causes the pack has. */
    public static CalibrationFit fit(List<Evaluation.Result> results, int causes) {
        double[] coarse = search(results, causes, T_MIN, T_MAX, 4 * T_STEP, S0_MIN, S0_MAX, 4 * S0_STEP);
        double[] fine = search(results, causes, Math.max(T_MIN, coarse[0] - 4 * T_STEP), coarse[0] + 4 * T_STEP,
                T_STEP, coarse[1] - 4 * S0_STEP, coarse[1] + 4 * S0_STEP, S0_STEP);
        return at(results, causes, fine[0], fine[1]);
    }

    /** The grid point with the least log-loss: a coarse pass over the whole grid, then a fine one around its best. */
    private static double[] search(List<Evaluation.Result> results, int causes, double tFrom, double tTo,
            double tStep, double sFrom, double sTo, double sStep) {
        double[] best = {tFrom, sFrom};
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double t = tFrom; t <= tTo + 1e-9; t += tStep) {
            for (double s0 = sFrom; s0 <= sTo + 1e-9; s0 += sStep) {
                double loss = logLoss(results, causes, t, s0);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = new double[] {t, s0};
                }
            }
        }
        return best;
    }

    /** Both scores under constants {@code t} and {@code s0}. */
    public static CalibrationFit at(List<Evaluation.Result> results, int causes, double t, double s0) {
        double brier = 0;
        for (Evaluation.Result r : results) {
            brier += brier(r, t, s0);
        }
        return new CalibrationFit(t, s0, results.isEmpty() ? 0 : brier / results.size(),
                logLoss(results, causes, t, s0));
    }

    /** Squared error over the ranked causes and "something else", which is the truth when it was not ranked. */
    private static double brier(Evaluation.Result r, double t, double s0) {
        List<Ranked> ranked = r.ranked();
        double max = s0;
        for (Ranked c : ranked) {
            max = Math.max(max, c.score());
        }
        double z = Math.exp((s0 - max) / t);
        for (Ranked c : ranked) {
            z += Math.exp((c.score() - max) / t);
        }
        int rank = r.rank();
        double rest = Math.exp((s0 - max) / t) / z;
        double sum = Math.pow(rest - (rank < 0 ? 1 : 0), 2);
        for (int i = 0; i < ranked.size(); i++) {
            double p = Math.exp((ranked.get(i).score() - max) / t) / z;
            sum += Math.pow(p - (i == rank ? 1 : 0), 2);
        }
        return sum;
    }

    /** The mean log-loss of the true cause under constants {@code t} and {@code s0}. */
    public static double logLoss(List<Evaluation.Result> results, int causes, double t, double s0) {
        double sum = 0;
        for (Evaluation.Result r : results) {
            sum -= logProbabilityOfTruth(r, causes, t, s0);
        }
        return results.isEmpty() ? 0 : sum / results.size();
    }

    private static double logProbabilityOfTruth(Evaluation.Result r, int causes, double t, double s0) {
        List<Ranked> ranked = r.ranked();
        double max = s0;
        for (Ranked c : ranked) {
            max = Math.max(max, c.score());
        }
        double z = Math.exp((s0 - max) / t);
        for (Ranked c : ranked) {
            z += Math.exp((c.score() - max) / t);
        }
        int rank = r.rank();
        if (rank >= 0) {
            return (ranked.get(rank).score() - max) / t - Math.log(z);
        }
        int unranked = Math.max(1, causes - ranked.size());
        return (s0 - max) / t - Math.log(z) - Math.log(unranked);
    }

    public String report() {
        return String.format(Locale.ROOT, "temperature %.2f, unexplained %.1f: Brier %.3f, log-loss %.3f nats",
                temperature, unexplained, brier, logLoss);
    }
}
