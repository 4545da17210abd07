package dev.triage.bot.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the first cause's logistic model, {@code P(first is right) = 1 / (1 + exp(-(a + b * gap + c * articlesOnly)))},
 * by maximum likelihood (Newton's method: the log-likelihood of a logistic model is concave, four parameters converge
 * in a handful of steps). A tiny ridge keeps the step defined when a feature never varies, e.g. a fold without a single
 * article-only leader.
 *
 * <p>Development cases and unseen ones (recorded first measurements of held-out halves) are fitted together with one
 * more term, an intercept shift for the unseen: the development cases are many and fix how much a point of lead or an
 * article-only leader matters, the unseen fix the level, since the rules were tuned until development leaders were
 * right more often than any leader on a new case is.
 */
final class LeadFit {
    private static final int STEPS = 50;
    private static final double RIDGE = 1e-6;
    /** 1, the first cause's lead over the strongest alternative, whether only articles speak for it, unseen or not. */
    private static final int FEATURES = 4;

    private LeadFit() {
    }

    /**
     * {@code {a, b, c}} for the unseen results, or for the development results when there are no unseen; the lead is
     * measured against "something else" scored {@code unexplained} too. Cases with nothing ranked say nothing about
     * the first cause.
     */
    static double[] fit(List<Evaluation.Result> development, List<Evaluation.Result> unseen, double unexplained) {
        List<double[]> rows = new ArrayList<>();
        List<Double> outcomes = new ArrayList<>();
        addRows(development, 0, unexplained, rows, outcomes);
        addRows(unseen, 1, unexplained, rows, outcomes);
        double[] w = maximumLikelihood(rows, outcomes);
        return new double[] {w[0] + w[3], w[1], w[2]};
    }

    private static void addRows(List<Evaluation.Result> results, double unseen, double unexplained,
            List<double[]> rows, List<Double> outcomes) {
        for (Evaluation.Result r : results) {
            if (!r.ranked().isEmpty()) {
                double gap = r.ranked().get(0).score() - Math.max(unexplained,
                        r.ranked().size() > 1 ? r.ranked().get(1).score() : Double.NEGATIVE_INFINITY);
                rows.add(new double[] {1, gap, r.ranked().get(0).articlesOnly() ? 1 : 0, unseen});
                outcomes.add(r.rank() == 0 ? 1.0 : 0.0);
            }
        }
    }

    private static double[] maximumLikelihood(List<double[]> rows, List<Double> outcomes) {
        int n = FEATURES;
        double[] w = new double[n];
        for (int step = 0; step < STEPS; step++) {
            double[] gradient = new double[n];
            double[][] hessian = new double[n][n];
            for (int k = 0; k < rows.size(); k++) {
                double[] x = rows.get(k);
                double z = 0;
                for (int i = 0; i < n; i++) {
                    z += w[i] * x[i];
                }
                double p = 1 / (1 + Math.exp(-z));
                for (int i = 0; i < n; i++) {
                    gradient[i] += (outcomes.get(k) - p) * x[i];
                    for (int j = 0; j < n; j++) {
                        hessian[i][j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            double change = 0;
            for (int i = 0; i < n; i++) {
                gradient[i] -= RIDGE * w[i];
                hessian[i][i] += RIDGE;
            }
            double[] delta = solve(hessian, gradient);
            for (int i = 0; i < n; i++) {
                w[i] += delta[i];
                change += Math.abs(delta[i]);
            }
            if (change < 1e-9) {
                break;
            }
        }
        return w;
    }

    /** Solves {@code a x = b} for a small positive definite {@code a} by Gaussian elimination with pivoting. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * x[k];
            }
            x[row] = sum / m[row][row];
        }
        return x;
    }
}
