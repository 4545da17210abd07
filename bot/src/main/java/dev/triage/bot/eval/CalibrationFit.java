package dev.triage.bot.eval;

import dev.triage.rules.Softmax;
import java.util.List;
import java.util.Locale;

/**
 * Fits the ranking's calibration constants ({@link Softmax}) to labelled cases by the log-loss of the true cause, and
 * reports the Brier score beside it. T and S0 are found by a grid search (two parameters need nothing smarter); at each
 * grid point the first cause's three constants are the maximum-likelihood fit of "the first cause is right"
 * ({@link LeadFit}), whose lead is measured against S0 too.
 *
 * <p>A true cause that was not ranked at all gets its share of the "something else" mass, spread evenly over the
 * causes not ranked.
 *
 * @param softmax the constants
 * @param brier   the mean Brier score: squared error of the stated distribution over the ranked causes and "something
 *                else" against the truth (0 is perfect, 2 the worst)
 * @param logLoss the mean negative log-probability of the true cause, in nats
 */
public record CalibrationFit(Softmax softmax, double brier, double logLoss) {
    private static final double T_MIN = 1;
    private static final double T_MAX = 20;
    private static final double T_STEP = 0.25;
    private static final double S0_MIN = -10;
    private static final double S0_MAX = 40;
    private static final double S0_STEP = 0.5;

    /** The best constants on these results; {@code causes} is how many causes the pack has. */
    public static CalibrationFit fit(List<Evaluation.Result> results, int causes) {
        Softmax coarse = search(results, causes, T_MIN, T_MAX, 4 * T_STEP, S0_MIN, S0_MAX, 4 * S0_STEP);
        double t = coarse.temperature();
        double s0 = coarse.unexplained();
        Softmax fine = search(results, causes, Math.max(T_MIN, t - 4 * T_STEP), t + 4 * T_STEP, T_STEP,
                s0 - 4 * S0_STEP, s0 + 4 * S0_STEP, S0_STEP);
        return at(results, causes, fine);
    }

    /**
     * The first cause's constants refitted on development results alone, T and S0 held at {@code held}'s: what they
     * would be if the cases the rules were tuned on were typical (they are not: see the four-argument form).
     */
    public static CalibrationFit fitLead(List<Evaluation.Result> results, int causes, Softmax held) {
        return fitLead(results, List.of(), causes, held);
    }

    /**
     * The first cause's constants refitted with T and S0 held at {@code held}'s (the question planner reads scores on
     * the scale T sets): how much lead and article-only evidence matter from the development and unseen results
     * together, the level from the {@code unseen} ones, recorded first measurements ({@link RecordedPredictions}).
     * Scored on the unseen results, or on the development ones when there are none.
     */
    public static CalibrationFit fitLead(List<Evaluation.Result> development, List<Evaluation.Result> unseen,
            int causes, Softmax held) {
        double[] lead = LeadFit.fit(development, unseen, held.unexplained());
        return at(unseen.isEmpty() ? development : unseen, causes,
                new Softmax(held.temperature(), held.unexplained(), lead[0], lead[1], lead[2]));
    }

    /** The grid point with the least log-loss. */
    private static Softmax search(List<Evaluation.Result> results, int causes, double tFrom,
            double tTo, double tStep, double sFrom, double sTo, double sStep) {
        Softmax best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double s0 = sFrom; s0 <= sTo + 1e-9; s0 += sStep) {
            double[] lead = LeadFit.fit(results, List.of(), s0);
            for (double t = tFrom; t <= tTo + 1e-9; t += tStep) {
                Softmax candidate = new Softmax(t, s0, lead[0], lead[1], lead[2]);
                double loss = logLoss(results, causes, candidate);
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = candidate;
                }
            }
        }
        return best;
    }

    /** Both scores under {@code softmax}. */
    public static CalibrationFit at(List<Evaluation.Result> results, int causes, Softmax softmax) {
        double brier = 0;
        for (Evaluation.Result r : results) {
            brier += brier(r, softmax);
        }
        return new CalibrationFit(softmax, results.isEmpty() ? 0 : brier / results.size(),
                logLoss(results, causes, softmax));
    }

    /** The distribution {@code softmax} states for a result's ranking: the ranked causes, then "something else". */
    static double[] distribution(Evaluation.Result r, Softmax softmax) {
        List<Ranked> ranked = r.ranked();
        int[] scores = ranked.stream().mapToInt(Ranked::score).toArray();
        return softmax.distribution(scores, !ranked.isEmpty() && ranked.get(0).articlesOnly());
    }

    /** Squared error over the ranked causes and "something else", which is the truth when it was not ranked. */
    private static double brier(Evaluation.Result r, Softmax softmax) {
        double[] p = distribution(r, softmax);
        int truth = r.rank() < 0 ? p.length - 1 : r.rank();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.pow(p[i] - (i == truth ? 1 : 0), 2);
        }
        return sum;
    }

    /** The mean log-loss of the true cause under {@code softmax}. */
    public static double logLoss(List<Evaluation.Result> results, int causes, Softmax softmax) {
        double sum = 0;
        for (Evaluation.Result r : results) {
            sum -= logProbabilityOfTruth(r, causes, softmax);
        }
        return results.isEmpty() ? 0 : sum / results.size();
    }

    private static double logProbabilityOfTruth(Evaluation.Result r, int causes, Softmax softmax) {
        double[] p = distribution(r, softmax);
        if (r.rank() >= 0) {
            return Math.log(p[r.rank()]);
        }
        int unranked = Math.max(1, causes - r.ranked().size());
        return Math.log(p[p.length - 1]) - Math.log(unranked);
    }

    public String report() {
        return String.format(Locale.ROOT, "%s: Brier %.3f, log-loss %.3f nats", constants(softmax), brier, logLoss);
    }

    /** The constants as Ranking names them, to copy into its source after a refit. */
    static String constants(Softmax s) {
        return String.format(Locale.ROOT, "TEMPERATURE %.2f, UNEXPLAINED %.1f, LEAD_INTERCEPT %.3f, LEAD_PER_POINT %.4f,"
                + " ARTICLES_ONLY %.3f", s.temperature(), s.unexplained(), s.leadIntercept(), s.leadPerPoint(),
                s.articlesOnly());
    }
}
