package dev.triage.rules.internal;

import dev.triage.rules.Evidence;
import dev.triage.rules.RankedCause;
import dev.triage.rules.ScoredReason;
import dev.triage.rules.Softmax;
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
 * <p>Scores are read as log-odds in units of T points, so every T extra points of evidence multiply a cause's odds by
 * e; the question planner and {@link InformationGain} rely on that scale. The stated confidences are calibrated on
 * top of it ({@link Softmax}): the first cause's from its lead over the strongest alternative and from whether
 * anything but article matches speaks for it, the rest shared by the softmax with a "something else" pseudo-cause of score S0.
 */
public final class Ranking {
    /**
     * Points per factor e of odds. T and S0 are the scale the question planner and {@link InformationGain} work on
     * (fitted as a plain softmax on the development cases) and are held; the three lead constants are fitted with them
     * held, by the log-loss of "the first cause is right", on the development cases and on recorded first measurements
     * of held-out halves together: the development cases fix how much a point of lead and an article-only leader
     * matter, the recorded ones the level, because leaders of cases the rules were tuned on are right more often (67 %)
     * than leaders of new cases (50 % on the 274 recorded). Refit: concatenate the development files (never a held-out
     * half that has not been measured yet) into /tmp/dev.jsonl, run {@code ./triage eval --fit --records
     * bot/src/test/resources/calibration/first-measurements.jsonl /tmp/dev.jsonl} and copy its "level from the
     * recorded" line; when a held-out half is measured, append {@code ./triage eval --record --fold NAME@COMMIT HALF}
     * to the records first (docs/accuracy.md, "Calibration on cases the rules never saw").
     * DevelopmentSetTest fails when the constants drift from that fit.
     */
    public static final double TEMPERATURE = 3.5;
    /** Score of "a cause we have no evidence for" (fitted with {@link #TEMPERATURE}). */
    static final double UNEXPLAINED = 4.5;
    /** Log-odds that the first cause of a new case is right when it leads the strongest alternative by nothing (33 %). */
    static final double LEAD_INTERCEPT = -0.693;
    /** Log-odds per point of lead: about 15 points of lead turn even odds into 9 to 1. */
    static final double LEAD_PER_POINT = 0.1269;
    /** Log-odds added when only article matches speak for the first cause: such leaders are rarely right. */
    static final double ARTICLES_ONLY = -1.499;
    /** The constants together, as {@link #statedConfidences()} uses them. */
    static final Softmax CALIBRATION = new Softmax(TEMPERATURE, UNEXPLAINED, LEAD_INTERCEPT, LEAD_PER_POINT,
            ARTICLES_ONLY);

    private final Map<String, Integer> scores;
    private final Map<String, List<Contribution>> evidence;
    private final List<String> order;

    private Ranking(Map<String, Integer> scores, Map<String, List<Contribution>> evidence) {
        this.scores = scores;
        this.evidence = evidence;
        this.order = scores.keySet().stream()
                .sorted(Comparator.comparing((String id) -> -scores.get(id)).thenComparing(id -> id)).toList();
    }

    /**
     * The ranking of {@link #of(List)}, and when nothing but article matches speaks for its first cause, every ranked
     * cause's base rate added ({@link BaseRate}) and ranked again. Article similarity is the same +6/+3/+1 for every
     * cause, so it carries nothing of how common a cause is; the rules' weights were tuned on resolved cases and
     * already do (a prior on every ranking cost check-half cases: docs/accuracy.md, "Session 15, branch prior").
     */
    static Ranking of(List<Contribution> all, BaseRates rates) {
        Ranking plain = of(all);
        if (plain.order.isEmpty() || !plain.onArticlesOnly(plain.order.get(0))) {
            return plain;
        }
        List<Contribution> withPriors = new ArrayList<>(all);
        withPriors.addAll(rates.priors(plain.order));
        return of(withPriors);
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

    /**
     * The plain softmax shares of all ranked causes, {@code exp(s/T) / (exp(S0/T) + sum_j exp(s_j/T))}: the score
     * scale the question planner reads (its "settled" line was set on it). Users are told {@link #statedConfidences()}.
     */
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

    /** The confidences users are told, calibrated by {@link Softmax}: the ranking's order, restated. */
    public Map<String, Double> statedConfidences() {
        int[] ranked = order.stream().mapToInt(scores::get).toArray();
        double[] p = CALIBRATION.distribution(ranked, !order.isEmpty() && onArticlesOnly(order.get(0)));
        Map<String, Double> confidences = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            confidences.put(order.get(i), p[i]);
        }
        return confidences;
    }

    private boolean onArticlesOnly(String causeId) {
        return ScoredReason.onArticlesOnly(evidence.get(causeId));
    }

    /** The ranked causes with their evidence, strongest first. */
    List<RankedCause> causes(Describer describer) {
        Map<String, Double> confidences = statedConfidences();
        List<RankedCause> ranked = new ArrayList<>();
        for (String id : order) {
            List<Evidence> why = evidence.get(id).stream()
                    .sorted(Comparator.comparing((Contribution c) -> -Math.abs(c.weight())).thenComparing(Contribution::rule))
                    .map(c -> new Evidence(c.rule(), describer.describe(c.fact()), c.weight(), c.articleMatch()))
                    .toList();
            ranked.add(new RankedCause(id, confidences.get(id), why));
        }
        return ranked;
    }
}
