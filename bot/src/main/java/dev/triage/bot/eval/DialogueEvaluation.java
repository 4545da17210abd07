package dev.triage.bot.eval;

import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores Triage in dialogue: each case is a simulated conversation ({@link Dialogue}) in which the user answers
 * Triage's questions from what the thread says they knew, or "don't know". Reports top-1 and top-3 before the first
 * question and after the last answer, both calibrations, and what was asked.
 */
public final class DialogueEvaluation {
    private final Evaluation before;
    private final Evaluation after;
    private final List<Dialogue.Transcript> transcripts;
    private final DialogueHeadroom headroom;

    private DialogueEvaluation(Evaluation before, Evaluation after, List<Dialogue.Transcript> transcripts,
            DialogueHeadroom headroom) {
        this.before = before;
        this.after = after;
        this.transcripts = List.copyOf(transcripts);
        this.headroom = headroom;
    }

    /** Runs every case as a conversation of at most {@code maxQuestions} questions through {@code turn}. */
    public static DialogueEvaluation run(List<EvalCase> cases, int maxQuestions, Function<CaseState, Reply> turn) {
        return run(cases, maxQuestions, turn, state -> Set.of());
    }

    /**
     * The same, where {@code pasted} names the questions a case's text already answers (answered-by): the planner
     * never asks them, so the known answers given at once leave them out instead of counting the pasted fact twice.
     */
    public static DialogueEvaluation run(List<EvalCase> cases, int maxQuestions, Function<CaseState, Reply> turn,
            Function<CaseState, Set<String>> pasted) {
        Dialogue dialogue = new Dialogue(turn, maxQuestions);
        List<Dialogue.Transcript> transcripts = new ArrayList<>();
        List<Evaluation.Result> before = new ArrayList<>();
        List<Evaluation.Result> after = new ArrayList<>();
        for (EvalCase c : cases) {
            Dialogue.Transcript t = dialogue.run(c);
            transcripts.add(t);
            before.add(new Evaluation.Result(c, Ranked.of(t.first())));
            after.add(new Evaluation.Result(c, Ranked.of(t.last())));
        }
        return new DialogueEvaluation(Evaluation.of(before), Evaluation.of(after), transcripts,
                DialogueHeadroom.of(cases, after, turn, pasted, maxQuestions));
    }

    /** The ranking from the text alone, before any question. */
    public Evaluation before() {
        return before;
    }

    /** The ranking after the last answer. */
    public Evaluation after() {
        return after;
    }

    /** What the cases' known answers could do at most, and why each miss after the answers stayed one. */
    DialogueHeadroom headroom() {
        return headroom;
    }

    /** Questions asked, over all cases. */
    public int questionsAsked() {
        return transcripts.stream().mapToInt(t -> t.exchanges().size()).sum();
    }

    /** Of the questions asked, how many the simulated user could not answer. */
    public int answeredUnknown() {
        return (int) transcripts.stream().flatMap(t -> t.exchanges().stream()).filter(Dialogue.Exchange::unknown)
                .count();
    }

    public String report() {
        int n = transcripts.size();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cases %d%n", n));
        out.append(String.format(Locale.ROOT, "before questions   top-1 %5.1f%%   top-3 %5.1f%%   ECE %.3f%n",
                before.top1() * 100, before.top3() * 100, before.reliability().expectedCalibrationError()));
        out.append(String.format(Locale.ROOT, "after answers      top-1 %5.1f%%   top-3 %5.1f%%   ECE %.3f%n",
                after.top1() * 100, after.top3() * 100, after.reliability().expectedCalibrationError()));
        out.append(String.format(Locale.ROOT, "questions asked %d (%.2f per case), answered \"don't know\" %d%n",
                questionsAsked(), n == 0 ? 0 : questionsAsked() / (double) n, answeredUnknown()));
        out.append(headroom.report()).append('\n');
        out.append("after answers, calibration\n").append(after.reliability().report()).append('\n');
        out.append(askedTable()).append('\n');
        out.append(changes()).append('\n');
        out.append(allKnownChanges()).append('\n');
        out.append(misses());
        return out.toString();
    }

    /**
     * Per question id: how often it was asked, how often the answer was "don't know", and how often a real answer
     * moved the expected cause up or down the ranking (from unranked to ranked counts as up), so the questions that
     * earn their place can be told from those that cost one.
     */
    private String askedTable() {
        Map<String, int[]> asked = new TreeMap<>();
        for (int i = 0; i < transcripts.size(); i++) {
            Dialogue.Transcript t = transcripts.get(i);
            EvalCase c = before.results().get(i).evalCase();
            Reply previous = t.first();
            for (Dialogue.Exchange e : t.exchanges()) {
                int[] row = asked.computeIfAbsent(e.questionId(), k -> new int[4]);
                row[0]++;
                row[1] += e.unknown() ? 1 : 0;
                int move = movement(rank(c, previous), rank(c, e.after()));
                row[2] += move > 0 ? 1 : 0;
                row[3] += move < 0 ? 1 : 0;
                previous = e.after();
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %6s %11s %9s %11s%n", "question",
                "asked", "don't know", "cause up", "cause down"));
        asked.forEach((id, row) -> out.append(String.format(Locale.ROOT, "%-22s %6d %11d %9d %11d%n", id, row[0],
                row[1], row[2], row[3])));
        return out.toString();
    }

    /** The rank of the expected cause in a reply, -1 when it is not ranked. */
    private static int rank(EvalCase c, Reply reply) {
        return new Evaluation.Result(c, Ranked.of(reply)).rank();
    }

    /** Positive when the expected cause moved up from {@code before} to {@code after}, negative when down. */
    static int movement(int before, int after) {
        if (before == after) {
            return 0;
        }
        if (before < 0 || after < 0) {
            return before < 0 ? 1 : -1;
        }
        return before - after;
    }

    /** The cases whose rank of the expected cause changed, with what was asked. */
    private String changes() {
        StringBuilder out = new StringBuilder("cases whose expected cause moved (rank before -> after; - = not ranked)\n");
        for (int i = 0; i < transcripts.size(); i++) {
            Evaluation.Result b = before.results().get(i);
            Evaluation.Result a = after.results().get(i);
            if (b.rank() != a.rank()) {
                out.append(String.format(Locale.ROOT, "  %-6s %-30s %s -> %s   %s   now: %s%n", b.evalCase().id(),
                        b.evalCase().cause(), shown(b.rank()), shown(a.rank()), asked(transcripts.get(i)),
                        String.join(", ", a.top())));
            }
        }
        return out.toString();
    }

    /**
     * The cases whose expected cause moved when every answer they know is given at once: the answer rows' own
     * effect, whatever the planner asks, so a row that pushes true causes down shows here even when it is never asked.
     */
    private String allKnownChanges() {
        StringBuilder out = new StringBuilder("every known answer at once moved (rank before -> after)\n");
        List<Evaluation.Result> all = headroom.allKnown().results();
        for (int i = 0; i < all.size(); i++) {
            Evaluation.Result b = before.results().get(i);
            Evaluation.Result a = all.get(i);
            if (b.rank() != a.rank()) {
                out.append(String.format(Locale.ROOT, "  %-6s %-30s %s -> %s   %s   now: %s%n", b.evalCase().id(),
                        b.evalCase().cause(), shown(b.rank()), shown(a.rank()), known(b.evalCase()),
                        String.join(", ", a.top())));
            }
        }
        return out.toString();
    }

    /** The cases whose expected cause is not first after the answers, with what was asked. */
    private String misses() {
        StringBuilder out = new StringBuilder("misses after answers (expected cause not first)\n");
        for (int i = 0; i < transcripts.size(); i++) {
            Evaluation.Result a = after.results().get(i);
            if (a.rank() != 0) {
                String why = headroom.reason(a.evalCase().id()).map(DialogueHeadroom.Reason::tag).orElse("");
                out.append(String.format(Locale.ROOT, "  %-6s %-30s rank %-3s [%s] %s   top: %s   known: %s%n",
                        a.evalCase().id(), a.evalCase().cause(), shown(a.rank()), why, asked(transcripts.get(i)),
                        String.join(", ", a.top()), known(a.evalCase())));
            }
        }
        return out.toString();
    }

    private static String shown(int rank) {
        return rank < 0 ? "-" : String.valueOf(rank + 1);
    }

    /** The case's known answers in key order, so two runs print the same report. */
    private static String known(EvalCase c) {
        return new TreeMap<>(c.answers()).toString();
    }

    private static String asked(Dialogue.Transcript t) {
        return String.join(" ", t.exchanges().stream().map(e -> e.questionId() + "=" + e.answer()).toList());
    }
}
