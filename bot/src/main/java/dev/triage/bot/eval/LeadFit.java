package dev.triage.bot.eval;

import java.util.List;

/**
 * Fits the first cause's logistic model, {@code P(first is right) = 1 / (1 + exp(-(a + b * gap + c * articlesOnly)))},
 * by maximum likelihood (Newton's method: the log-likelihood of a logistic model is concave, three parameters converge
 * in a handful of steps). A tiny ridge keeps the step defined when a feature never varies, e.g. a fold without a single
 * article-only leader.
 */
final class LeadFit {
    private static final int STEPS = 50;
    private static final double RIDGE = 1e-6;

    private LeadFit() {
    }

    /**
     * {@code {a, b, c}} for these results, the lead measured against "something else" scored {@code unexplained} too;
     * cases with nothing ranked say nothing about the first cause.
     */
    static double[] fit(List<Evaluation.Result> results, double unexplained) {
        double[] w = new double[3];
        for (int step = 0; step < STEPS; step++) {
            double[] gradient = new double[3];
            double[][] hessian = new double[3][3];
            for (Evaluation.Result r : results) {
                if (r.ranked().isEmpty()) {
                    continue;
                }
                double[] x = features(r.ranked(), unexplained);
                double p = 1 / (1 + Math.exp(-(w[0] * x[0] + w[1] * x[1] + w[2] * x[2])));
                double y = r.rank() == 0 ? 1 : 0;
                for (int i = 0; i < 3; i++) {
                    gradient[i] += (y - p) * x[i];
                    for (int j = 0; j < 3; j++) {
                        hessian[i][j] += p * (1 - p) * x[i] * x[j];
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                gradient[i] -= RIDGE * w[i];
                hessian[i][i] += RIDGE;
            }
            double[] delta = solve(hessian, gradient);
            for (int i = 0; i < 3; i++) {
                w[i] += delta[i];
            }
            if (Math.abs(delta[0]) + Math.abs(delta[1]) + Math.abs(delta[2]) < 1e-9) {
                break;
            }
        }
        return w;
    }

    /** 1, the first cause's lead over the strongest alternative, and whether only articles speak for it. */
    private static double[] features(List<Ranked> ranked, double unexplained) {
        double gap = ranked.get(0).score()
                - Math.max(unexplained, ranked.size() > 1 ? ranked.get(1).score() : Double.NEGATIVE_INFINITY);
        return new double[] {1, gap, ranked.get(0).articlesOnly() ? 1 : 0};
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
