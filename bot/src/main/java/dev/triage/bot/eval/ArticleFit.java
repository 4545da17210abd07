package dev.triage.bot.eval;

import dev.triage.bot.conversation.TurnEngine;
import dev.triage.rules.Softmax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntBiFunction;

/**
 * Fits how much the knowledge search's articles add to the ranking, out of sample: leave-one-file-out
 * cross-validation, each file of labelled cases being one fold (a batch half from its own collection, the nearest
 * thing to "other real cases"). For every candidate form its few parameters are chosen on the other files by top-1
 * (ties: top-3, then the log-loss at the shipped softmax constants; fitting them anew for each tied setting
 * would cost minutes) and scored on the file left out.
 * {@code ./triage eval --fit-articles FILE.jsonl...}.
 */
public final class ArticleFit {
    private final List<ArticleCase> cases;
    private final List<String> folds;
    private final int causes;
    private final Softmax softmax;

    private ArticleFit(List<ArticleCase> cases, int causes, Softmax softmax) {
        this.cases = List.copyOf(cases);
        this.folds = List.copyOf(new TreeSet<>(cases.stream().map(ArticleCase::fold).toList()));
        this.causes = causes;
        this.softmax = softmax;
    }

    /** Splits every case of every fold (file name to its cases) into rules and articles once. */
    public static ArticleFit of(Map<String, List<EvalCase>> folds, TurnEngine engine) {
        List<ArticleCase> cases = new ArrayList<>();
        folds.forEach((fold, list) -> list.forEach(c -> cases.add(ArticleCase.of(fold, c, engine))));
        return new ArticleFit(cases, engine.diagnoser().causeIds().size(), engine.diagnoser().softmax());
    }

    /** One parameter setting of a form. */
    record Setting(String form, String parameters, boolean summed, ToIntBiFunction<Double, Integer> weight) {
        String name() {
            return form + (summed ? ", summed" : ", best article") + " " + parameters;
        }
    }

    /** How one setting did on some cases: counts first, then log-loss (computed only when a tie needs it). */
    private final class Score {
        final Setting setting;
        final List<Evaluation.Result> results = new ArrayList<>();
        int top1;
        int top3;
        private Double logLoss;

        Score(Setting setting, List<ArticleCase> on) {
            this.setting = setting;
            for (ArticleCase c : on) {
                Evaluation.Result r = new Evaluation.Result(c.evalCase(), c.ranked(setting.weight(), setting.summed()));
                results.add(r);
                top1 += r.rank() == 0 ? 1 : 0;
                top3 += r.rank() >= 0 && r.rank() < 3 ? 1 : 0;
            }
        }

        double logLoss() {
            if (logLoss == null) {
                logLoss = CalibrationFit.logLoss(results, causes, softmax);
            }
            return logLoss;
        }

        boolean beats(Score other) {
            if (top1 != other.top1) {
                return top1 > other.top1;
            }
            if (top3 != other.top3) {
                return top3 > other.top3;
            }
            return logLoss() < other.logLoss();
        }
    }

    private Score best(List<Setting> settings, List<ArticleCase> on) {
        Score best = null;
        for (Setting s : settings) {
            Score score = new Score(s, on);
            if (best == null || score.beats(best)) {
                best = score;
            }
        }
        return best;
    }

    /** The form's in-sample best and its cross-validated counts: {in-sample top-1, top-3, CV top-1, top-3}. */
    private String row(String form, List<Setting> settings) {
        Score inSample = best(settings, cases);
        int cv1 = 0;
        int cv3 = 0;
        Map<String, Integer> chosen = new LinkedHashMap<>();
        for (String fold : folds) {
            List<ArticleCase> train = cases.stream().filter(c -> !c.fold().equals(fold)).toList();
            List<ArticleCase> test = cases.stream().filter(c -> c.fold().equals(fold)).toList();
            Setting pick = best(settings, train).setting;
            Score held = new Score(pick, test);
            cv1 += held.top1;
            cv3 += held.top3;
            chosen.merge(pick.parameters(), 1, Integer::sum);
        }
        int n = cases.size();
        return String.format(Locale.ROOT, "%-34s %5.1f%% %5.1f%%   %5.1f%% %5.1f%%   log-loss at T, S0 now %.3f"
                        + "   all: %s%n%34s chosen per fold: %s%n", form, pct(inSample.top1, n), pct(inSample.top3, n),
                pct(cv1, n), pct(cv3, n), inSample.logLoss(), inSample.setting.parameters(), "", chosen);
    }

    private static double pct(int count, int of) {
        return of == 0 ? 0 : 100.0 * count / of;
    }

    /** Retrieval alone, then each form's in-sample and cross-validated top-1/top-3. */
    public String report() {
        StringBuilder out = new StringBuilder();
        int n = cases.size();
        out.append(String.format(Locale.ROOT, "%d cases in %d files%n", n, folds.size()));
        out.append(String.format(Locale.ROOT, "retrieval alone (expected cause among the causes of the first k"
                + " articles): top-1 %.1f%%  top-3 %.1f%%  top-10 %.1f%%%n", pct(retrieved(1), n),
                pct(retrieved(3), n), pct(retrieved(10), n)));
        out.append(unranked());
        out.append(String.format(Locale.ROOT, "%n%-34s %6s %6s   %6s %6s%n", "form", "top-1", "top-3", "CV-1", "CV-3"));
        ArticleForms.all().forEach((form, settings) -> out.append(row(form, settings)));
        return out.toString();
    }

    private int retrieved(int k) {
        return (int) cases.stream().filter(c -> c.retrieved(k)).count();
    }

    /** The cases today's weights leave without the expected cause ranked at all, and whether an article had it. */
    private String unranked() {
        Setting now = ArticleForms.current();
        List<String> had = new ArrayList<>();
        int missing = 0;
        for (ArticleCase c : cases) {
            Evaluation.Result r = new Evaluation.Result(c.evalCase(), c.ranked(now.weight(), now.summed()));
            if (r.rank() < 0) {
                missing++;
                for (int k = 0; k < c.hits().size(); k++) {
                    if (c.hits().get(k).causes().contains(c.evalCase().cause())) {
                        had.add(c.evalCase().id() + "@" + (k + 1));
                        break;
                    }
                }
            }
        }
        return String.format(Locale.ROOT, "expected cause not ranked at all (today's weights): %d; an article among"
                + " the first 10 had it in %d: %s%n", missing, had.size(), had);
    }
}
