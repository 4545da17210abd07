package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Reply;
import dev.triage.rules.Question;
import dev.triage.rules.Question.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The dialogue report's per-question line: which answers moved the expected cause up, which down. */
class DialogueEvaluationTest {
    private static final Question ENV = new Question("environment", "Where?", List.of(new Option("azure", "Azure"),
            new Option("on-premises", "On-premises"), new Option(Question.DONT_KNOW, "Don't know")), 0.05);
    private static final Question VPN = new Question("vpn", "How?", List.of(new Option("vpn", "VPN"),
            new Option("direct", "Directly"), new Option(Question.DONT_KNOW, "Don't know")), 0.05);

    /** Asks ENV, then VPN; "Azure" puts the NSG first, "VPN" puts the VPN cause first and the NSG second. */
    private final Function<CaseState, Reply> turn = state -> {
        List<Question> open = new ArrayList<>();
        List.of(ENV, VPN).stream().filter(q -> !state.answers().containsKey(q.id())).forEach(open::add);
        List<String> order = new ArrayList<>(List.of("net.port-blocked"));
        if ("azure".equals(state.answers().get("environment"))) {
            order.add(0, "azure.nsg");
        }
        if ("vpn".equals(state.answers().get("vpn"))) {
            order.add(0, "net.vpn-unstable");
        }
        List<Reply.Cause> causes = order.stream().map(id -> new Reply.Cause(id, id, 0.5, List.of())).toList();
        return new Reply(Optional.empty(), List.of(), causes, List.of(), open, List.of(), List.of(), List.of(),
                Optional.empty(), false, Optional.empty());
    };

    @Test
    void countsPerQuestionHowOftenAnAnswerMovedTheExpectedCauseUpOrDown() {
        List<EvalCase> cases = List.of(
                new EvalCase("a", "0x204", "azure.nsg", Map.of("environment", "azure", "vpn", "vpn")),
                new EvalCase("b", "0x204", "azure.nsg", Map.of("environment", "azure")),
                new EvalCase("c", "0x204", "net.port-blocked", Map.of("environment", "azure")));

        String report = DialogueEvaluation.run(cases, 2, turn).report();

        assertThat(report).contains(String.format("%-22s %6s %11s %9s %11s%n", "question", "asked", "don't know",
                "cause up", "cause down"));
        assertThat(report).as("up from unranked twice, and port-blocked pushed down once")
                .contains(String.format("%-22s %6d %11d %9d %11d%n", "environment", 3, 0, 2, 1));
        assertThat(report).as("the VPN answer pushed the NSG down; two don't knows moved nothing")
                .contains(String.format("%-22s %6d %11d %9d %11d%n", "vpn", 3, 2, 0, 1));
    }

    /** "third" is third; "Azure" lifts it to second, "VPN" to first; nothing is ever asked (no questions offered). */
    private final Function<CaseState, Reply> lifts = state -> {
        List<String> order = new ArrayList<>(List.of("leader", "second"));
        int third = "vpn".equals(state.answers().get("vpn")) ? 0
                : "azure".equals(state.answers().get("environment")) ? 1 : 2;
        order.add(third, "third");
        List<Reply.Cause> causes = order.stream().map(id -> new Reply.Cause(id, id, 0.5, List.of())).toList();
        return new Reply(Optional.empty(), List.of(), causes, List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), false, Optional.empty());
    };

    @Test
    void tellsMissesThePlannerCouldHaveFixedFromThoseItsAnswersCannot() {
        List<EvalCase> cases = List.of(
                new EvalCase("not-asked", "x", "third", Map.of("vpn", "vpn", "environment", "azure")),
                new EvalCase("too-weak", "x", "third", Map.of("environment", "azure")),
                new EvalCase("not-known", "x", "second", Map.of("environment", "azure")),
                new EvalCase("none", "x", "second", Map.of()),
                new EvalCase("hit", "x", "leader", Map.of("environment", "azure")));

        DialogueHeadroom headroom = DialogueEvaluation.run(cases, 3, lifts).headroom();

        assertThat(headroom.count(DialogueHeadroom.Reason.NOT_ASKED)).as("'VPN' would put it first").isEqualTo(1);
        assertThat(headroom.count(DialogueHeadroom.Reason.TOO_WEAK)).as("'Azure' lifts it to second only").isEqualTo(1);
        assertThat(headroom.count(DialogueHeadroom.Reason.NOT_KNOWN)).as("'Azure' pushes it down; no answers")
                .isEqualTo(2);
        assertThat(headroom.allKnown().top1()).as("all at once: the VPN case and the hit").isEqualTo(2 / 5.0);
    }

    /**
     * A question the pasted text already answers (answered-by) is never asked, so every known answer at once leaves
     * its answer out: the text's own signals count that fact already.
     */
    @Test
    void knownAnswersAtOnceLeaveOutWhatThePasteAlreadyAnswers() {
        List<EvalCase> cases = List.of(
                new EvalCase("vpn-pasted", "over the VPN", "third", Map.of("vpn", "vpn")),
                new EvalCase("vpn-asked", "x", "third", Map.of("vpn", "vpn")));
        Function<CaseState, Set<String>> pasted = state -> state.texts().get(0).contains("VPN")
                ? Set.of("vpn") : Set.of();

        DialogueEvaluation counted = DialogueEvaluation.run(cases, 3, lifts, pasted);
        DialogueEvaluation twice = DialogueEvaluation.run(cases, 3, lifts);

        assertThat(counted.headroom().allKnown().top1()).as("only the case whose text left the VPN open").isEqualTo(0.5);
        assertThat(counted.headroom().reason("vpn-pasted")).contains(DialogueHeadroom.Reason.NOT_KNOWN);
        assertThat(counted.headroom().reason("vpn-asked")).contains(DialogueHeadroom.Reason.NOT_ASKED);
        assertThat(twice.headroom().allKnown().top1()).as("without the pasted questions, both").isEqualTo(1.0);
    }

    /** Each miss names its reason, and the answers' own effect shows apart from what the planner asked. */
    @Test
    void listsEachMissWithItsReasonAndTheCasesEveryKnownAnswerMoved() {
        List<EvalCase> cases = List.of(
                new EvalCase("not-asked", "x", "third", Map.of("vpn", "vpn")),
                new EvalCase("not-known", "x", "second", Map.of("environment", "azure")),
                new EvalCase("hit", "x", "leader", Map.of()));

        DialogueEvaluation evaluation = DialogueEvaluation.run(cases, 3, lifts);
        String report = evaluation.report();
        String misses = report.substring(report.indexOf("misses after answers (expected cause not first)"));

        assertThat(evaluation.headroom().reason("not-asked")).contains(DialogueHeadroom.Reason.NOT_ASKED);
        assertThat(evaluation.headroom().reason("hit")).as("not a miss").isEmpty();
        assertThat(misses).contains("[not-asked]").contains("[not-known]").contains("known: {vpn=vpn}")
                .doesNotContain("hit ");
        String moved = report.substring(report.indexOf("every known answer at once moved"),
                report.indexOf("misses after answers (expected cause not first)"));
        assertThat(moved).as("VPN lifts it from third to first; Azure pushes the second cause to third")
                .contains("3 -> 1").contains("2 -> 3").doesNotContain("hit ");
    }

    /**
     * Asks only ENV. "VPN" puts "second" first, then "Azure" puts "leader" back first; "on-premises" puts "second"
     * first; "third" is first only with both port=other and vpn=direct.
     */
    private final Function<CaseState, Reply> mixed = state -> {
        Map<String, String> a = state.answers();
        List<String> order = new ArrayList<>(List.of("leader", "second", "third"));
        if ("vpn".equals(a.get("vpn")) || "on-premises".equals(a.get("environment"))) {
            order = new ArrayList<>(List.of("second", "leader", "third"));
        }
        if ("azure".equals(a.get("environment"))) {
            order = new ArrayList<>(List.of("leader", "second", "third"));
        }
        if ("other".equals(a.get("port")) && "direct".equals(a.get("vpn"))) {
            order = new ArrayList<>(List.of("third", "leader", "second"));
        }
        List<Reply.Cause> causes = order.stream().map(id -> new Reply.Cause(id, id, 0.5, List.of())).toList();
        List<Question> open = a.containsKey("environment") ? List.of() : List.of(ENV);
        return new Reply(Optional.empty(), List.of(), causes, List.of(), open, List.of(), List.of(), List.of(),
                Optional.empty(), false, Optional.empty());
    };

    /**
     * The best set of at most as many known answers as the dialogue may ask, asking nothing included, is the most a
     * better choice of questions could reach: above every answer at once when one answer undoes another, and above
     * the dialogue when the question it asked pushed a right leader down.
     */
    @Test
    void bestKnownAnswersAreWhatABetterChoiceOfQuestionsCouldReach() {
        List<EvalCase> cases = List.of(
                new EvalCase("one-undoes-another", "x", "second", Map.of("vpn", "vpn", "environment", "azure")),
                new EvalCase("asking-hurt", "x", "leader", Map.of("environment", "on-premises")),
                new EvalCase("needs-two", "x", "third", Map.of("port", "other", "vpn", "direct")));

        DialogueEvaluation one = DialogueEvaluation.run(cases, 1, mixed);
        DialogueEvaluation two = DialogueEvaluation.run(cases, 2, mixed);

        assertThat(one.after().top1()).as("Azure keeps the leader; on-premises pushes it down").isZero();
        assertThat(one.headroom().allKnown().top1()).as("only the case that needs two answers").isEqualTo(1 / 3.0);
        assertThat(one.headroom().bestAsked().top1()).as("VPN alone; asking nothing; not two in one question")
                .isEqualTo(2 / 3.0);
        assertThat(two.headroom().bestAsked().top1()).isEqualTo(1.0);
        assertThat(one.headroom().reason("one-undoes-another")).contains(DialogueHeadroom.Reason.NOT_ASKED);
        assertThat(one.headroom().reason("asking-hurt")).contains(DialogueHeadroom.Reason.NOT_ASKED);
        assertThat(one.report()).contains("best 1 known answers").contains("66.7%");
    }

    @Test
    void movementIsUpWhenTheRankImprovesOrTheCauseComesOnTheList() {
        assertThat(DialogueEvaluation.movement(3, 0)).isPositive();
        assertThat(DialogueEvaluation.movement(-1, 5)).isPositive();
        assertThat(DialogueEvaluation.movement(0, 1)).isNegative();
        assertThat(DialogueEvaluation.movement(2, -1)).isNegative();
        assertThat(DialogueEvaluation.movement(-1, -1)).isZero();
        assertThat(DialogueEvaluation.movement(1, 1)).isZero();
    }
}
