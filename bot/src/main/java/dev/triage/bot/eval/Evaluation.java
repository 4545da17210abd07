package dev.triage.bot.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Scores a diagnoser on labelled cases: top-1, top-3, a per-cause table and the misses. */
public final class Evaluation {
    private final List<Result> results;

    private Evaluation(List<Result> results) {
        this.results = List.copyOf(results);
    }

    /** One case's outcome: the rank of the expected cause (-1 when absent) and everything ranked. */
    public record Result(EvalCase evalCase, List<Ranked> ranked) {
        public Result {
            ranked = List.copyOf(ranked);
        }

        public int rank() {
            return ranked.stream().map(Ranked::id).toList().indexOf(evalCase.cause());
        }

        /** The ids of the first three causes. */
        public List<String> top() {
            return ranked.stream().limit(3).map(Ranked::id).toList();
        }
    }

    public static Evaluation run(List<EvalCase> cases, Function<EvalCase, List<Ranked>> diagnose) {
        List<Result> results = new ArrayList<>();
        for (EvalCase c : cases) {
            results.add(new Result(c, diagnose.apply(c)));
        }
        return new Evaluation(results);
    }

    /** An evaluation of results already computed. */
    public static Evaluation of(List<Result> results) {
        return new Evaluation(results);
    }

    /** How well the stated top-1 confidence matches the observed accuracy. */
    public Reliability reliability() {
        return Reliability.of(results);
    }

    public List<Result> results() {
        return results;
    }

    public double top1() {
        return share(1);
    }

    public double top3() {
        return share(3);
    }

    private double share(int k) {
        if (results.isEmpty()) {
            return 0;
        }
        return results.stream().filter(r -> r.rank() >= 0 && r.rank() < k).count() / (double) results.size();
    }

    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cases %d   top-1 %.1f%% (%d)   top-3 %.1f%% (%d)%n%n", results.size(),
                top1() * 100, count(1), top3() * 100, count(3)));
        out.append(reliability().report()).append('\n');
        out.append(String.format(Locale.ROOT, "%-32s %4s %5s %5s%n", "cause", "n", "top1", "top3"));
        Map<String, int[]> perCause = new TreeMap<>();
        for (Result r : results) {
            int[] row = perCause.computeIfAbsent(r.evalCase().cause(), k -> new int[3]);
            row[0]++;
            row[1] += r.rank() == 0 ? 1 : 0;
            row[2] += r.rank() >= 0 && r.rank() < 3 ? 1 : 0;
        }
        perCause.forEach((cause, row) ->
                out.append(String.format(Locale.ROOT, "%-32s %4d %5d %5d%n", cause, row[0], row[1], row[2])));
        out.append("\nmisses (expected cause not first)\n");
        for (Result r : results) {
            if (r.rank() != 0) {
                out.append(String.format(Locale.ROOT, "  %-6s %-30s rank %-3s top: %s%n", r.evalCase().id(),
                        r.evalCase().cause(), r.rank() < 0 ? "-" : String.valueOf(r.rank() + 1),
                        String.join(", ", r.top())));
            }
        }
        return out.toString();
    }

    private long count(int k) {
        return results.stream().filter(r -> r.rank() >= 0 && r.rank() < k).count();
    }
}
