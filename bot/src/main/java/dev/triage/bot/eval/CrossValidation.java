package dev.triage.bot.eval;

import dev.triage.rules.Softmax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Out-of-sample calibration: leave one file out. Each file is a batch half from a separate collection, so fitting the
 * constants on all other files and stating confidences on the one left out is how the constants fare on cases they
 * were not fitted to. The stated confidences of every fold are pooled into one reliability table.
 *
 * @param restated every case with the confidences its fold's constants state (the ranking itself is unchanged)
 * @param folds    per file left out, the constants fitted without it
 * @param logLoss  pooled mean log-loss of the true cause, in nats
 * @param brier    pooled mean Brier score
 */
public record CrossValidation(Evaluation restated, Map<String, Softmax> folds, double logLoss, double brier) {

    /**
     * {@code byFile}: the results of each file, in the order to report them; {@code causes}: the pack's count;
     * {@code fit}: how constants are fitted to the training files (e.g. {@link CalibrationFit#fit}).
     */
    public static CrossValidation leaveOneFileOut(Map<String, List<Evaluation.Result>> byFile, int causes,
            Function<List<Evaluation.Result>, Softmax> fit) {
        List<Evaluation.Result> restated = new ArrayList<>();
        Map<String, Softmax> folds = new LinkedHashMap<>();
        double logLoss = 0;
        double brier = 0;
        for (Map.Entry<String, List<Evaluation.Result>> heldOut : byFile.entrySet()) {
            List<Evaluation.Result> training = new ArrayList<>();
            byFile.forEach((file, results) -> {
                if (!file.equals(heldOut.getKey())) {
                    training.addAll(results);
                }
            });
            Softmax fitted = fit.apply(training);
            folds.put(heldOut.getKey(), fitted);
            CalibrationFit outOfSample = CalibrationFit.at(heldOut.getValue(), causes, fitted);
            logLoss += outOfSample.logLoss() * heldOut.getValue().size();
            brier += outOfSample.brier() * heldOut.getValue().size();
            for (Evaluation.Result r : heldOut.getValue()) {
                restated.add(restate(r, fitted));
            }
        }
        int n = Math.max(1, restated.size());
        return new CrossValidation(Evaluation.of(restated), folds, logLoss / n, brier / n);
    }

    /** The results with the confidences {@code softmax} states for their rankings (the rankings unchanged). */
    public static Evaluation restate(List<Evaluation.Result> results, Softmax softmax) {
        return Evaluation.of(results.stream().map(r -> restate(r, softmax)).toList());
    }

    private static Evaluation.Result restate(Evaluation.Result r, Softmax softmax) {
        double[] p = CalibrationFit.distribution(r, softmax);
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < r.ranked().size(); i++) {
            ranked.add(r.ranked().get(i).restated(p[i]));
        }
        return new Evaluation.Result(r.evalCase(), ranked);
    }

    public String report() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "leave-one-file-out (%d files, %d cases): ECE %.3f, log-loss %.3f nats, Brier %.3f%n", folds.size(),
                restated.results().size(), restated.reliability().expectedCalibrationError(), logLoss, brier));
        folds.forEach((file, s) -> out.append("  without ").append(file).append(": ")
                .append(CalibrationFit.constants(s)).append('\n'));
        out.append(restated.reliability().report());
        return out.toString();
    }
}
