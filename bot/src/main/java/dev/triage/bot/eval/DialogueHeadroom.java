package dev.triage.bot.eval;

import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Reply;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the answers a case knows could do at most, so a small dialogue gain can be told apart by its reason. Two
 * ceilings: every known answer at once (the answers' rows, whatever is asked), and the best of at most as many known
 * answers as the dialogue may ask (a planner that knew each case's answers and its cause, asking nothing where the
 * text alone is right): the gap between the dialogue and the second is all that choosing questions better can win.
 * Every case still missed after the dialogue is put in one of three classes, from replies to its known answers given
 * in every set of at most that many, and all at once:
 * <ul>
 *   <li>{@link Reason#NOT_ASKED}: a set of known answers the dialogue could have asked (or all of them) puts the
 *       expected cause first, so the planner asked the wrong questions, or one whose answer pushed it down;</li>
 *   <li>{@link Reason#TOO_WEAK}: known answers move the expected cause up, not to first: their rules weigh too
 *       little, or the leader gains as much;</li>
 *   <li>{@link Reason#NOT_KNOWN}: no answer the case knows moves the expected cause up (or it knows none): the
 *       discriminating fact is not among the known answers, or no question asks for it.</li>
 * </ul>
 * A case's answers are what its thread states, so "not known" is about the cases and the catalog, not the planner.
 */
final class DialogueHeadroom {
    enum Reason {
        NOT_ASKED("a known answer would put it first: the planner did not ask it"),
        TOO_WEAK("known answers move it up, not to first: their rules weigh too little"),
        NOT_KNOWN("no known answer moves it up: the case does not know the deciding fact");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** A short tag for the per-case list of misses. */
        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final int maxQuestions;
    private final List<Evaluation.Result> allKnown;
    private final List<Evaluation.Result> bestAsked;
    private final Map<Reason, Integer> reasons;
    private final Map<String, Reason> byCase;

    private DialogueHeadroom(int maxQuestions, List<Evaluation.Result> allKnown, List<Evaluation.Result> bestAsked,
            Map<Reason, Integer> reasons, Map<String, Reason> byCase) {
        this.maxQuestions = maxQuestions;
        this.allKnown = List.copyOf(allKnown);
        this.bestAsked = List.copyOf(bestAsked);
        this.reasons = reasons;
        this.byCase = Map.copyOf(byCase);
    }

    /**
     * @param after        each case's result after the dialogue, in the order of {@code cases}
     * @param pasted       the questions a case's text already answers: their known answers are left out, since the
     *                     planner never asks them and the text's own signals already count the fact
     * @param maxQuestions how many questions the dialogue may ask: the size of the answer sets tried
     */
    static DialogueHeadroom of(List<EvalCase> cases, List<Evaluation.Result> after, Function<CaseState, Reply> turn,
            Function<CaseState, Set<String>> pasted, int maxQuestions) {
        List<Evaluation.Result> allKnown = new ArrayList<>();
        List<Evaluation.Result> bestAsked = new ArrayList<>();
        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        Map<String, Reason> byCase = new HashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            EvalCase c = cases.get(i);
            Map<String, String> askable = askable(c, pasted);
            Evaluation.Result all = result(c, askable, turn);
            allKnown.add(all);
            Evaluation.Result best = bestAsked(c, askable, maxQuestions, turn);
            bestAsked.add(best);
            if (after.get(i).rank() != 0) {
                Reason r = reason(c, after.get(i).rank(), better(best, all).rank(), turn);
                reasons.merge(r, 1, Integer::sum);
                byCase.put(c.id(), r);
            }
        }
        return new DialogueHeadroom(maxQuestions, allKnown, bestAsked, reasons, byCase);
    }

    /** The case's known answers to the questions its text does not already answer. */
    private static Map<String, String> askable(EvalCase c, Function<CaseState, Set<String>> pasted) {
        Set<String> answered = pasted.apply(new CaseState(List.of(c.text()), Map.of(), Optional.empty(), List.of()));
        Map<String, String> left = new HashMap<>(c.answers());
        left.keySet().removeAll(answered);
        return left;
    }

    private static Reason reason(EvalCase c, int afterDialogue, int best, Function<CaseState, Reply> turn) {
        if (best == 0) {
            return Reason.NOT_ASKED;
        }
        int withoutAnswers = result(c, Map.of(), turn).rank();
        return DialogueEvaluation.movement(withoutAnswers, best) > 0 || DialogueEvaluation.movement(afterDialogue, best) > 0
                ? Reason.TOO_WEAK : Reason.NOT_KNOWN;
    }

    /**
     * The best result of any set of at most {@code size} known answers, the empty set (asking nothing) included: what
     * a planner that knew the case's answers and cause could reach in that many questions. A case knows a handful of
     * answers, so the sets are few (at most 41 for six answers and three questions).
     */
    private static Evaluation.Result bestAsked(EvalCase c, Map<String, String> askable, int size,
            Function<CaseState, Reply> turn) {
        Evaluation.Result best = result(c, Map.of(), turn);
        for (Map<String, String> answers : subsets(new ArrayList<>(new TreeMap<>(askable).entrySet()), size)) {
            if (best.rank() == 0) {
                break;
            }
            best = better(best, result(c, answers, turn));
        }
        return best;
    }

    /** Every non-empty set of at most {@code size} of the answers, in a fixed order. */
    private static List<Map<String, String>> subsets(List<Map.Entry<String, String>> answers, int size) {
        List<Map<String, String>> sets = new ArrayList<>();
        addSubsets(answers, 0, size, new TreeMap<>(), sets);
        return sets;
    }

    private static void addSubsets(List<Map.Entry<String, String>> answers, int from, int left,
            TreeMap<String, String> chosen, List<Map<String, String>> sets) {
        if (left == 0) {
            return;
        }
        for (int i = from; i < answers.size(); i++) {
            Map.Entry<String, String> answer = answers.get(i);
            chosen.put(answer.getKey(), answer.getValue());
            sets.add(Map.copyOf(chosen));
            addSubsets(answers, i + 1, left - 1, chosen, sets);
            chosen.remove(answer.getKey());
        }
    }

    /** The result whose expected cause ranks better, not ranked being the worst; the first on a tie. */
    private static Evaluation.Result better(Evaluation.Result a, Evaluation.Result b) {
        return better(a.rank(), b.rank()) == a.rank() ? a : b;
    }

    /** The better of two ranks, -1 (not ranked) being the worst. */
    private static int better(int a, int b) {
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static Evaluation.Result result(EvalCase c, Map<String, String> answers, Function<CaseState, Reply> turn) {
        Reply reply = turn.apply(new CaseState(List.of(c.text()), answers, Optional.empty(), List.of()));
        return new Evaluation.Result(c, Ranked.of(reply));
    }

    /** Every case with all its known answers given at once, whatever the planner would ask. */
    Evaluation allKnown() {
        return Evaluation.of(allKnown);
    }

    /** Every case with the best set of at most as many known answers as the dialogue may ask. */
    Evaluation bestAsked() {
        return Evaluation.of(bestAsked);
    }

    /** Why the case with this id stayed a miss after the answers; empty when it did not. */
    Optional<Reason> reason(String caseId) {
        return Optional.ofNullable(byCase.get(caseId));
    }

    int count(Reason reason) {
        return reasons.getOrDefault(reason, 0);
    }

    String report() {
        Evaluation all = allKnown();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "every known answer at once   top-1 %5.1f%%   top-3 %5.1f%%   (the most these answers can do)%n",
                all.top1() * 100, all.top3() * 100));
        Evaluation best = bestAsked();
        out.append(String.format(Locale.ROOT,
                "best %d known answers         top-1 %5.1f%%   top-3 %5.1f%%   (a planner that knew them: the most asking can do)%n",
                maxQuestions, best.top1() * 100, best.top3() * 100));
        out.append("misses after answers, by reason\n");
        for (Reason r : Reason.values()) {
            out.append(String.format(Locale.ROOT, "  %4d  %s%n", count(r), r.text));
        }
        return out.toString();
    }
}
