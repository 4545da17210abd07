package dev.triage.rules;

/**
 * The constants that turn cause scores into stated confidences, and the formula, in two steps.
 *
 * <p>First cause: the chance that it is right is a logistic function of how far it leads,
 * {@code p1 = 1 / (1 + exp(-(leadIntercept + leadPerPoint * gap + articlesOnly * [only articles speak for it])))}
 * where {@code gap} is its score minus that of the strongest alternative: the second cause, or "something else" (S0)
 * when that is stronger or the first cause is alone. The lead, not the score itself, says whether the first cause
 * beats the others; a first cause that only knowledge-article similarity speaks
 * for (no code, message, wording, environment, answer or probe) is right far less often than its lead suggests.
 *
 * <p>The rest, {@code 1 - p1}, is shared by the other ranked causes and "something else" by the softmax
 * {@code exp(s(c)/T) / (exp(S0/T) + sum_j exp(s(j)/T))} over them. {@code p1} is never stated below the second
 * cause's share (the order of the ranking is never changed by calibration; a strict lead keeps a visible
 * {@link #ORDER_MARGIN}) and never above {@link #MAX_FIRST}.
 *
 * @param temperature   T, points of evidence per factor e of odds among the causes after the first
 * @param unexplained   S0, the score of "a cause we have no evidence for"
 * @param leadIntercept log-odds that the first cause is right when it leads by nothing
 * @param leadPerPoint  log-odds gained per point of lead over the strongest alternative
 * @param articlesOnly  log-odds added when only article matches speak for the first cause (negative)
 */
public record Softmax(double temperature, double unexplained, double leadIntercept, double leadPerPoint,
        double articlesOnly) {
    /** No case in the development set supports stating more; a helpdesk reads "100 %" as "cannot be wrong". */
    public static final double MAX_FIRST = 0.99;
    /**
     * A first cause that outscores the second is stated at least this much above it, so that no reply shows the cause
     * it ranks first with the same rounded percentage as the next, and fixes ordered by confidence keep the rank order.
     */
    static final double ORDER_MARGIN = 0.01;

    public Softmax {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature must be > 0: " + temperature);
        }
    }

    /**
     * The stated distribution for causes ranked by {@code scores} (best first): one entry per cause, then "something
     * else" last.
     *
     * @param firstOnArticlesOnly true when only knowledge-article matches speak for the first cause
     */
    public double[] distribution(int[] scores, boolean firstOnArticlesOnly) {
        double[] p = new double[scores.length + 1];
        if (scores.length == 0) {
            p[0] = 1;
            return p;
        }
        double[] rest = restShares(scores);
        double second = scores.length > 1 ? rest[0] : 0;
        double margin = scores.length > 1 && scores[0] > scores[1] ? ORDER_MARGIN : 0;
        double first = Math.min(MAX_FIRST, Math.max(firstCauseOdds(scores, firstOnArticlesOnly),
                (second + margin) / (1 + second)));
        p[0] = first;
        for (int i = 0; i < rest.length; i++) {
            p[i + 1] = (1 - first) * rest[i];
        }
        return p;
    }

    /** The logistic chance that the first cause is right, before the order and the cap are enforced. */
    private double firstCauseOdds(int[] scores, boolean firstOnArticlesOnly) {
        double gap = scores[0] - Math.max(unexplained, scores.length > 1 ? scores[1] : Double.NEGATIVE_INFINITY);
        double logOdds = leadIntercept + leadPerPoint * gap + (firstOnArticlesOnly ? articlesOnly : 0);
        return 1 / (1 + Math.exp(-logOdds));
    }

    /** Softmax shares of the causes after the first, then "something else", summing to 1. */
    private double[] restShares(int[] scores) {
        double max = unexplained;
        for (int i = 1; i < scores.length; i++) {
            max = Math.max(max, scores[i]);
        }
        double[] shares = new double[scores.length];
        double sum = 0;
        for (int i = 1; i <= scores.length; i++) {
            double score = i < scores.length ? scores[i] : unexplained;
            shares[i - 1] = Math.exp((score - max) / temperature);
            sum += shares[i - 1];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= sum;
        }
        return shares;
    }
}
