package dev.triage.rules.internal;

import dev.triage.rules.Question;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders the wanted questions by how well their answers would separate the current top causes.
 *
 * <p>Every unanswered option was inserted into the same rule session as a hypothetical {@link Answer}, so its
 * contributions are already known without re-running the rules. For a question with the options o a user can give,
 * over the top {@link #TOP} causes with prior p (softmax of scores, as in {@link Ranking}):
 * <ul>
 *   <li>an answer o shifts each cause's score by d(c,o), giving the posterior p_o(c) ∝ p(c)·exp(d(c,o)/T), which is
 *       what the ranking will show after the answer;</li>
 *   <li>the weights are read as log-likelihoods, so a cause c predicts its answers with
 *       P(o|c) = exp(d(c,o)/T) / Σ_o' exp(d(c,o')/T), and P(o) = Σ_c p(c)·P(o|c): an answer no likely cause
 *       predicts is unlikely, and an option with big lifts for every cause is not made likelier by them;</li>
 *   <li>the question's value is the expected entropy drop H(p) − Σ_o P(o)·H(p_o), in bits, times the share of people
 *       who can answer at all ({@link Question#unknownShare()}): "don't know" changes nothing, so a question most
 *       people cannot answer is worth less than one they can.</li>
 * </ul>
 * A question whose answers all push the same way is therefore worth less than one that splits the leading causes.
 */
final class QuestionPlanner {
    static final int TOP = 6;
    /** Free-text questions (the target host) cannot be scored this way; they unlock probes, worth a little. */
    static final double FREE_TEXT_GAIN = 0.05;

    private final QuestionCatalog catalog;

    QuestionPlanner(QuestionCatalog catalog) {
        this.catalog = catalog;
    }

    List<Question> plan(List<Wanted> wanted, Ranking ranking, List<Contribution> all, Map<String, String> answered) {
        Set<String> ids = new LinkedHashSet<>();
        wanted.stream().map(Wanted::name).filter(id -> !answered.containsKey(id)).forEach(ids::add);
        List<String> top = ranking.order().subList(0, Math.min(TOP, ranking.order().size()));
        double[] prior = softmax(top, ranking, Map.of());
        Map<String, Map<String, Integer>> deltas = hypotheticalDeltas(all);
        Map<String, Double> gains = new HashMap<>();
        for (String id : ids) {
            catalog.find(id).ifPresent(q -> gains.put(id, gain(q, top, ranking, prior, deltas)));
        }
        return gains.keySet().stream()
                .sorted(Comparator.comparing((String id) -> -gains.get(id)).thenComparing(catalog::order))
                .map(id -> catalog.find(id).orElseThrow())
                .toList();
    }

    /** The expected information gain of asking {@code q}, in bits. */
    private double gain(Question q, List<String> top, Ranking ranking, double[] prior,
            Map<String, Map<String, Integer>> deltas) {
        if (q.freeText()) {
            return FREE_TEXT_GAIN;
        }
        if (top.size() < 2) {
            return 0;
        }
        List<Map<String, Integer>> answers = q.options().stream()
                .filter(o -> !o.value().equals(Question.DONT_KNOW))
                .map(o -> deltas.getOrDefault(key(q.id(), o.value()), Map.<String, Integer>of()))
                .toList();
        double[][] likelihood = likelihoods(top, answers);
        double expected = 0;
        for (int o = 0; o < answers.size(); o++) {
            double pAnswer = 0;
            for (int c = 0; c < top.size(); c++) {
                pAnswer += prior[c] * likelihood[c][o];
            }
            expected += pAnswer * entropy(softmax(top, ranking, answers.get(o)));
        }
        return (1 - q.unknownShare()) * (entropy(prior) - expected);
    }

    /** P(answer o | cause c), from the answers' weights read as log-likelihoods and normalised per cause. */
    private static double[][] likelihoods(List<String> top, List<Map<String, Integer>> answers) {
        double[][] l = new double[top.size()][answers.size()];
        for (int c = 0; c < top.size(); c++) {
            double sum = 0;
            for (int o = 0; o < answers.size(); o++) {
                l[c][o] = Math.exp(answers.get(o).getOrDefault(top.get(c), 0) / Ranking.TEMPERATURE);
                sum += l[c][o];
            }
            for (int o = 0; o < answers.size(); o++) {
                l[c][o] /= sum;
            }
        }
        return l;
    }

    /** Per hypothetical answer ("question=value"), the summed weight per cause. */
    private static Map<String, Map<String, Integer>> hypotheticalDeltas(List<Contribution> all) {
        Map<String, Map<String, Integer>> deltas = new HashMap<>();
        for (Contribution c : all) {
            if (c.fact() instanceof Answer a && a.hypothetical()) {
                deltas.computeIfAbsent(key(a.questionId(), a.value()), k -> new HashMap<>())
                        .merge(c.causeId(), c.weight(), Integer::sum);
            }
        }
        return deltas;
    }

    private static String key(String question, String value) {
        return question + "=" + value;
    }

    private static double[] softmax(List<String> top, Ranking ranking, Map<String, Integer> delta) {
        double[] p = new double[top.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            p[i] = (ranking.score(top.get(i)) + delta.getOrDefault(top.get(i), 0)) / Ranking.TEMPERATURE;
            max = Math.max(max, p[i]);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(p[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static double entropy(double[] p) {
        double h = 0;
        for (double x : p) {
            if (x > 0) {
                h -= x * Math.log(x) / Math.log(2);
            }
        }
        return h;
    }
}
