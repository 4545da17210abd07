package dev.triage.rules.internal;

import dev.triage.rules.Evidence;
import dev.triage.rules.RankedCause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums the real (non-hypothetical) contributions per cause and turns the sums into confidences.
 *
 * <p>Confidence is a softmax over the candidate causes plus one "something else" pseudo-cause:
 * {@code p(c) = exp(s(c)/T) / (exp(S0/T) + sum_j exp(s(j)/T))}. Scores are read as log-odds in units of T points, so
 * every T extra points of evidence multiply a cause's odds by e. The pseudo-cause with score S0 keeps confidences low
 * while evidence is thin (a bare code with a dozen possible causes) and lets them approach 1 only when one cause has
 * far more evidence than everything else.
 */
public final class Ranking {
    /**
     * Points per factor e of odds. Both constants are fitted, not chosen: they minimise the log-loss of the true cause
     * over the development cases ({@code ./triage eval --fit}, see docs/accuracy.md); the calibration test in bot
     * fails when the stated confidences drift from the observed accuracy. Refit when rules or weights change a lot.
     */
    public static final double TEMPERATURE = 3.5;
    /** Score of "a cause we have no evidence for" (fitted with {@link #TEMPERATURE}). */
    static final double UNEXPLAINED = 4.5;

    private final Map<String, Integer> scores;
    private final Map<String, List<Contribution>> evidence;
    private final List<String> order;

    private Ranking(Map<String, Integer> scores, Map<String, List<Contribution>> evidence) {
        this.scores = scores;
        this.evidence = evidence;
        this.order = scores.keySet().stream()
                .sorted(Comparator.comparing((String id) -> -scores.get(id)).thenComparing(id -> id)).toList();
    }

    /** Candidates are causes with positive non-lift support; lifts then re-weight only those. */
    public static Ranking of(List<Contribution> all) {
        Set<String> candidates = new HashSet<>();
        for (Contribution c : all) {
            if (!c.hypothetical() && !c.lift() && c.weight() > 0) {
                candidates.add(c.causeId());
            }
        }
        Map<String, Integer> scores = new HashMap<>();
        Map<String, List<Contribution>> evidence = new HashMap<>();
        for (Contribution c : all) {
            if (!c.hypothetical() && candidates.contains(c.causeId())) {
                scores.merge(c.causeId(), c.weight(), Integer::sum);
                evidence.computeIfAbsent(c.causeId(), k -> new ArrayList<>()).add(c);
            }
        }
        scores.values().removeIf(s -> s <= 0);
        return new Ranking(scores, evidence);
    }

    /** Cause ids, best first. */
    public List<String> order() {
        return order;
    }

    public int score(String causeId) {
        return scores.getOrDefault(causeId, 0);
    }

    /** Confidences of all ranked causes, by the formula in the class comment. */
    public Map<String, Double> confidences() {
        double max = order.isEmpty() ? UNEXPLAINED : Math.max(UNEXPLAINED, scores.get(order.get(0)));
        double sum = Math.exp((UNEXPLAINED - max) / TEMPERATURE);
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String id : order) {
            double w = Math.exp((scores.get(id) - max) / TEMPERATURE);
            weights.put(id, w);
            sum += w;
        }
        double total = sum;
        weights.replaceAll((id, w) -> w / total);
        return weights;
    }

    /** The ranked causes with their evidence, strongest first. */
    List<RankedCause> causes(Describer describer) {
        Map<String, Double> confidences = confidences();
        List<RankedCause> ranked = new ArrayList<>();
        for (String id : order) {
            List<Evidence> why = evidence.get(id).stream()
                    .sorted(Comparator.comparing((Contribution c) -> -Math.abs(c.weight())).thenComparing(Contribution::rule))
                    .map(c -> new Evidence(c.rule(), describer.describe(c.fact()), c.weight()))
                    .toList();
            ranked.add(new RankedCause(id, confidences.get(id), why));
        }
        return ranked;
    }
}
