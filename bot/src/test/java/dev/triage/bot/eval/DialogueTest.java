package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Reply;
import dev.triage.rules.Question;
import dev.triage.rules.Question.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DialogueTest {
    private static final Question HOST = new Question("target-host", "Which computer?", List.of());
    private static final Question ENV = new Question("environment", "Where?", List.of(new Option("azure", "Azure"),
            new Option("on-premises", "On-premises"), new Option(Question.DONT_KNOW, "Don't know")), 0.05);
    private static final Question VPN = new Question("vpn", "How?", List.of(new Option("vpn", "VPN"),
            new Option("direct", "Directly"), new Option(Question.DONT_KNOW, "Don't know")), 0.05);

    /** A stand-in turn: asks the free-text host first, then the unanswered of ENV and VPN; Azure ranks the NSG first. */
    private final List<CaseState> seen = new ArrayList<>();
    private final Function<CaseState, Reply> turn = state -> {
        seen.add(state);
        List<Question> open = new ArrayList<>(List.of(HOST));
        List.of(ENV, VPN).stream().filter(q -> !state.answers().containsKey(q.id())).forEach(open::add);
        String first = "azure".equals(state.answers().get("environment")) ? "azure.nsg" : "net.port-blocked";
        List<Reply.Cause> causes = List.of(new Reply.Cause(first, first, 0.6, List.of()));
        return new Reply(Optional.empty(), List.of(), causes, List.of(), open, List.of(), List.of(), List.of(),
                Optional.empty(), false, Optional.empty());
    };

    @Test
    void answersFromTheCaseAndDontKnowOtherwisePassingOverFreeText() {
        EvalCase c = new EvalCase("x", "Error code: 0x204", "azure.nsg", Map.of("environment", "azure"));

        Dialogue.Transcript t = new Dialogue(turn, 3).run(c);

        assertThat(t.exchanges()).extracting(e -> e.questionId() + "=" + e.answer())
                .containsExactly("environment=azure", "vpn=" + Question.DONT_KNOW);
        assertThat(t.exchanges().get(0).after().causes().get(0).id()).as("the reply to that answer")
                .isEqualTo("azure.nsg");
        assertThat(t.first().causes().get(0).id()).isEqualTo("net.port-blocked");
        assertThat(t.last().causes().get(0).id()).isEqualTo("azure.nsg");
        assertThat(seen.get(seen.size() - 1).answers()).containsEntry("vpn", Question.DONT_KNOW);
    }

    @Test
    void stopsAtTheQuestionLimit() {
        EvalCase c = new EvalCase("x", "Error code: 0x204", "azure.nsg", Map.of());

        assertThat(new Dialogue(turn, 1).run(c).exchanges()).hasSize(1);
        assertThat(new Dialogue(turn, 0).run(c).exchanges()).isEmpty();
    }

    @Test
    void aQuestionAskedAgainAfterItsAnswerIsABug() {
        Function<CaseState, Reply> repeating = state -> new Reply(Optional.empty(), List.of(), List.of(), List.of(),
                List.of(ENV), List.of(), List.of(), List.of(), Optional.empty(), false, Optional.empty());

        assertThatThrownBy(() -> new Dialogue(repeating, 3).run(new EvalCase("x", "t", "azure.nsg")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("environment");
    }
}
