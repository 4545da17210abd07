package dev.triage.bot.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A reliability table: the cases binned by the confidence Triage stated for its first cause, each bin's mean stated
 * confidence against the share of its cases where that first cause was right, and the expected calibration error
 * (ECE, the case-weighted mean gap). A helpdesk reading "70 %" should be right about 70 % of the time.
 *
 * @param bins one per confidence band of width {@link #BAND}, empty bands included
 */
public record Reliability(List<Bin> bins, int cases) {
    /** Five bands: with a hundred or so cases, narrower bands hold too few to say anything. */
    static final double BAND = 0.2;

    public Reliability {
        bins = List.copyOf(bins);
    }

    /** One confidence band. */
    public record Bin(double from, double to, int cases, double meanConfidence, double accuracy) {
    }

    static Reliability of(List<Evaluation.Result> results) {
        int n = (int) Math.round(1 / BAND);
        double[] confidence = new double[n];
        int[] right = new int[n];
        int[] count = new int[n];
        for (Evaluation.Result r : results) {
            double c = r.ranked().isEmpty() ? 0 : r.ranked().get(0).confidence();
            int bin = Math.min(n - 1, (int) (c / BAND));
            count[bin]++;
            confidence[bin] += c;
            right[bin] += r.rank() == 0 ? 1 : 0;
        }
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bins.add(new Bin(i * BAND, (i + 1) * BAND, count[i], count[i] == 0 ? 0 : confidence[i] / count[i],
                    count[i] == 0 ? 0 : right[i] / (double) count[i]));
        }
        return new Reliability(bins, results.size());
    }

    /** Expected calibration error: sum over bins of (cases in bin / all cases) x |accuracy - mean confidence|. */
    public double expectedCalibrationError() {
        if (cases == 0) {
            return 0;
        }
        return bins.stream().mapToDouble(b -> b.cases() * Math.abs(b.accuracy() - b.meanConfidence())).sum() / cases;
    }

    /** The table as aligned text, one line per non-empty band, then the ECE. */
    public String report() {
        StringBuilder out = new StringBuilder("stated top-1 confidence   cases   mean stated   observed top-1\n");
        for (Bin b : bins) {
            if (b.cases() > 0) {
                out.append(String.format(Locale.ROOT, "  %3.0f%% - %3.0f%%             %5d   %9.1f%%   %12.1f%%%n",
                        b.from() * 100, b.to() * 100, b.cases(), b.meanConfidence() * 100, b.accuracy() * 100));
            }
        }
        out.append(String.format(Locale.ROOT, "expected calibration error %.3f%n", expectedCalibrationError()));
        return out.toString();
    }
}
