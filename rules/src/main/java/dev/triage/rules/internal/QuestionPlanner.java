package dev.triage.rules.internal;

import dev.triage.rules.Question;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which questions are worth asking, best first.
 *
 * <p>Every choice question of the catalog is a candidate, and every one must be expected to move the leading causes
 * apart by at least {@link #MIN_GAIN}, measured by {@link InformationGain} over the {@link #TOP} leaders; a question
 * that at least {@link #ANSWERABLE} of the people asked can answer needs that much only when answered
 * ({@link InformationGain#split}). Which rule
 * named a question does not decide: a rule naming one says it fits the symptom, not that its answer can still change
 * the ranking, and a sign-in failure that only articles rank (no rule fired) still deserves "which account?". When
 * the leader is settled ({@link #SETTLED}) no choice question is asked at all. A question is dropped when the user
 * answered it (a "don't know" included: asking again changes nothing) and when the pasted text already answers it (its
 * {@code answered-by} signals in questions.tsv). A question whose {@code at-hand} signals the text shows (the user
 * quotes a tool's report that prints the answer beside what they pasted, as RDPConf prints the service state beside
 * "Not listening") is not discounted by its unknown share: its share was measured on people who would have had to go
 * and look. The rest are ordered by expected gain (the split times the share of
 * people who can answer), so a question that splits the leaders and that people can answer comes first; the catalog
 * order breaks ties. The floor is on the split, not on the expected gain, for the questions people can often
 * answer (the client, what and where the server runs, the port, a recent update): one whose answer
 * decides between the leaders is worth a turn of an unsettled case that has turns left, and "don't know" costs that
 * turn and changes nothing (issue 13: a Microsoft account read as a bad password was asked one question and then
 * nothing, with two turns left). What hardly anyone can say (do other servers work, does the IP work) must still
 * earn its turn by the expected gain: with the split alone it was asked 119 times in 295 cases and answered 3 times. Free-text questions (the target host) are not
 * about the causes but let the probes look; a rule that names one keeps it, last.
 */
final class QuestionPlanner {
    /** Leaders the gain is measured over; a bare code often spreads its confidence over ten causes or more. */
    static final int TOP = 10;
    /** Bits a choice question must be expected to gain to be asked (or to gain when answered, if answerable). */
    static final double MIN_GAIN = 0.02;
    /**
     * The share of people asked who can answer, from which a question's split alone decides: a fifth, which the
     * questions about the user's own setup reach (client app, server kind, environment, port, recent update: unknown
     * shares 0.15 to 0.8 in questions.tsv) and those about tests the user may not have made do not (other hosts,
     * other clients, the IP, the VPN: 0.85 to 0.95). The account type sits just outside (0.85 measured on the design
     * half, 2026-12-07): most posters who are asked cannot say it, so it is asked where its expected gain clears the
     * floor, which a sign-in failure between an account cause and another still does.
     */
    static final double ANSWERABLE = 0.2;
    /**
     * Confidence of the leader from which nothing is asked: one wrong in twenty as stated. Measured on the 157
     * development cases (text only, 2026-12-06): 26 of the 28 leaders stated at 95 % or more were right, and the two
     * wrong ones (second place) were not moved by any answer; the highest leader a question had helped before was
     * stated at 92 % (c002, "another client works" lifting a saved fingerprint into the top three), so the line sits
     * above it.
     */
    static final double SETTLED = 0.95;
    /** Free-text questions (the target host) cannot be scored this way; they unlock probes: asked after the rest. */
    static final double FREE_TEXT_GAIN = 0;

    private final QuestionCatalog catalog;
    private final int causeCount;

    /** @param causeCount how many causes the packs know, ranked or not */
    QuestionPlanner(QuestionCatalog catalog, int causeCount) {
        this.catalog = catalog;
        this.causeCount = causeCount;
    }

    /**
     * @param wanted   the questions the rules want
     * @param ranking  the causes as they stand
     * @param all      every contribution of the session, hypothetical answers included
     * @param answered the user's answers so far
     * @param seen     the signals found in the pasted text
     */
    List<Question> plan(List<Wanted> wanted, Ranking ranking, List<Contribution> all, Map<String, String> answered,
            List<Signal> seen) {
        if (settled(ranking)) {
            return freeText(wanted, answered);
        }
        Set<String> ids = new LinkedHashSet<>();
        wanted.stream().map(Wanted::name).forEach(ids::add);
        catalog.all().stream().filter(q -> !q.freeText()).map(Question::id).forEach(ids::add);
        Set<String> pasted = catalog.answeredBy(seen);
        Set<String> inView = catalog.atHand(seen);
        ids.removeIf(id -> answered.containsKey(id) || pasted.contains(id));
        List<String> top = ranking.order().subList(0, Math.min(TOP, ranking.order().size()));
        AnswerEffects effects = AnswerEffects.of(all);
        Map<String, Double> gains = new HashMap<>();
        for (String id : ids) {
            catalog.find(id).ifPresent(q -> {
                if (q.freeText()) {
                    gains.put(id, FREE_TEXT_GAIN);
                } else if (!top.isEmpty()) {
                    choiceGain(q, top, ranking, effects, inView.contains(id))
                            .ifPresent(expected -> gains.put(id, expected));
                }
            });
        }
        return gains.keySet().stream()
                .sorted(Comparator.comparing((String id) -> -gains.get(id)).thenComparing(catalog::order))
                .map(id -> catalog.find(id).orElseThrow())
                .toList();
    }

    /**
     * The expected gain of a choice question if it clears the floor ({@link #MIN_GAIN} on the expected gain, or on the
     * split for an answerable one). The split is computed once and discounted here: it is the costly part of a turn's
     * planning, and every choice question of the catalog is scored on every unsettled turn.
     */
    private Optional<Double> choiceGain(Question q, List<String> top, Ranking ranking, AnswerEffects effects,
            boolean atHand) {
        double split = gain(q, top, ranking, effects).split(q, effects);
        double expected = atHand ? split : InformationGain.discounted(q, split);
        boolean answerable = atHand || q.unknownShare() <= 1 - ANSWERABLE + 1e-9;
        return expected >= MIN_GAIN || answerable && split >= MIN_GAIN ? Optional.of(expected) : Optional.empty();
    }

    /**
     * The question's gain over the leaders and over the causes no evidence ranks that one of its answers would
     * propose ("a Microsoft account" for a sign-in the text alone does not tie to one): a thin post's true cause is
     * often not ranked at all, and only an answer can bring it in. Such a cause starts with its share of the
     * "something else" the ranking keeps ({@link Ranking#UNEXPLAINED}), spread evenly over every cause without
     * evidence, so it weighs what the ranking's own confidences say an unranked cause is worth. A text in which
     * nothing was recognised ("good morning") has no leader to weigh against and is asked nothing.
     */
    private InformationGain gain(Question q, List<String> top, Ranking ranking, AnswerEffects effects) {
        Set<String> outsiders = new HashSet<>();
        q.options().forEach(o -> outsiders.addAll(effects.proposes(q.id(), o.value())));
        outsiders.removeAll(ranking.order());
        int withoutEvidence = Math.max(1, causeCount - ranking.order().size());
        double share = Ranking.UNEXPLAINED - Ranking.TEMPERATURE * Math.log(withoutEvidence);
        return new InformationGain(top, ranking, outsiders, share);
    }

    /** Whether the leading cause is stated at {@link #SETTLED} or more. */
    private static boolean settled(Ranking ranking) {
        return !ranking.order().isEmpty() && ranking.confidences().get(ranking.order().get(0)) >= SETTLED;
    }

    /** The free-text questions the rules named and nobody answered, in catalog order. */
    private List<Question> freeText(List<Wanted> wanted, Map<String, String> answered) {
        return wanted.stream().map(Wanted::name).distinct().filter(id -> !answered.containsKey(id))
                .map(catalog::find).flatMap(Optional::stream).filter(Question::freeText)
                .sorted(Comparator.comparing((Question q) -> catalog.order(q.id()))).toList();
    }
}
