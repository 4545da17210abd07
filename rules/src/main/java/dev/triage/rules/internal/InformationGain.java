package dev.triage.rules.internal;

import dev.triage.rules.Question;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected drop in uncertainty over the leading causes that asking a question buys, in bits: the mutual information
 * between the leading cause and the user's answer, times the share of people who can answer at all.
 *
 * <p>For the leading causes c with prior p(c) (the softmax of their scores, as in {@link Ranking}, over the leaders)
 * and the options o a user can give ("don't know" excluded):
 * <ul>
 *   <li>an option's weights d(c,o) are log-likelihood ratios, so a cause predicts its answers with
 *       P(o|c) = exp(d(c,o)/T) / Σ_o' exp(d(c,o')/T), and P(o) = Σ_c p(c)·P(o|c): an answer no likely cause predicts
 *       is unlikely, and an option with big lifts for every cause is not made likelier by them;</li>
 *   <li>after answer o the belief is Bayes' p(c|o) = p(c)·P(o|c) / P(o), and the gain is
 *       H(p) − Σ_o P(o)·H(p(·|o)), which is never negative;</li>
 *   <li>the gain is multiplied by the share of people who can answer ({@link Question#unknownShare()}): "don't know"
 *       changes nothing, so it gains nothing.</li>
 * </ul>
 * A question whose answers all push the leaders the same way gains nothing; one that splits them gains most. The
 * posterior is Bayes' and not the re-ranked scores on purpose: an answer that contradicts a confident leader spreads the
 * ranking out again, and scoring that spread as a loss made exactly the questions that can overturn a wrong leader look
 * useless (issue 13: an expired local password read as "no domain controller" was never asked for the account type).
 */
final class InformationGain {
    private final List<String> leaders;
    private final Set<String> outsiders;
    private final double[] prior;

    /** Over {@code leaders}, best first, with their current scores. */
    InformationGain(List<String> leaders, Ranking ranking) {
        this(leaders, ranking, Set.of(), 0);
    }

    /**
     * Over {@code leaders} with their current scores and {@code outsiders}, causes no evidence ranks yet, each at
     * {@code outsiderScore}. An outsider moves only under an answer that proposes it: a lift alone re-weights
     * candidates and cannot put a cause on the ranking ({@link Ranking#of}).
     */
    InformationGain(List<String> leaders, Ranking ranking, Collection<String> outsiders, double outsiderScore) {
        List<String> all = new ArrayList<>(leaders);
        outsiders.stream().filter(id -> !leaders.contains(id)).sorted().forEach(all::add);
        this.leaders = List.copyOf(all);
        this.outsiders = Set.copyOf(outsiders);
        this.prior = softmax(this.leaders.stream()
                .mapToDouble(id -> this.outsiders.contains(id) ? outsiderScore : ranking.score(id)).toArray());
    }

    /** The expected gain of asking {@code q}, given its {@link #split}: the split times the share who can answer. */
    static double discounted(Question q, double split) {
        return (1 - q.unknownShare()) * split;
    }

    /**
     * How far an answer would move the leaders apart, in bits, if the user gives one: the mutual information alone,
     * not yet discounted by how many people cannot answer. It says whether the question is about these causes at all.
     */
    double split(Question q, AnswerEffects effects) {
        if (leaders.size() < 2) {
            return 0;
        }
        List<Map<String, Integer>> answers = q.options().stream()
                .filter(o -> !o.value().equals(Question.DONT_KNOW))
                .map(o -> effective(effects.of(q.id(), o.value()), effects.proposes(q.id(), o.value())))
                .toList();
        double[][] likelihood = likelihoods(answers);
        double expected = 0;
        for (int o = 0; o < answers.size(); o++) {
            double[] joint = new double[leaders.size()];
            double pAnswer = 0;
            for (int c = 0; c < leaders.size(); c++) {
                joint[c] = prior[c] * likelihood[c][o];
                pAnswer += joint[c];
            }
            if (pAnswer > 0) {
                expected += pAnswer * entropy(normalised(joint, pAnswer));
            }
        }
        return Math.max(0, entropy(prior) - expected);
    }

    /** An answer's weights as the ranking would count them: an outsider's only where the answer proposes it. */
    private Map<String, Integer> effective(Map<String, Integer> weights, Set<String> proposed) {
        if (outsiders.isEmpty()) {
            return weights;
        }
        Map<String, Integer> counted = new HashMap<>(weights);
        counted.keySet().removeIf(id -> outsiders.contains(id) && !proposed.contains(id));
        return counted;
    }

    /** P(answer o | cause c): the answers' weights read as log-likelihoods, normalised per cause. */
    private double[][] likelihoods(List<Map<String, Integer>> answers) {
        double[][] l = new double[leaders.size()][answers.size()];
        for (int c = 0; c < leaders.size(); c++) {
            double sum = 0;
            for (int o = 0; o < answers.size(); o++) {
                l[c][o] = Math.exp(answers.get(o).getOrDefault(leaders.get(c), 0) / Ranking.TEMPERATURE);
                sum += l[c][o];
            }
            for (int o = 0; o < answers.size(); o++) {
                l[c][o] /= sum;
            }
        }
        return l;
    }

    private static double[] softmax(double[] scores) {
        double max = Arrays.stream(scores).max().orElse(0);
        double[] p = new double[scores.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((scores[i] - max) / Ranking.TEMPERATURE);
            sum += p[i];
        }
        return normalised(p, sum);
    }

    private static double[] normalised(double[] weights, double sum) {
        double[] p = new double[weights.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = weights[i] / sum;
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
