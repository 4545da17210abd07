package dev.triage.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.conversation.Reply;
import dev.triage.rules.Evidence;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplyOutlineTest {

    @Test
    void showsTheFirstThreeCausesWithTheirFirstThreePiecesOfEvidenceAndCountsTheRest() {
        List<Evidence> evidence = List.of(new Evidence("r1", "port open", 2), new Evidence("r2", "NLA off", -1),
                new Evidence("r3", "third", 1), new Evidence("r4", "fourth", 1));
        List<Reply.Cause> causes = IntStream.range(0, 5)
                .mapToObj(i -> new Reply.Cause("c" + i, "Cause " + i, 0.815 - i * 0.1, evidence)).toList();

        ReplyOutline outline = ReplyOutline.of(reply(causes, List.of()));

        assertThat(outline.causes()).extracting(ReplyOutline.Cause::rank).containsExactly(1, 2, 3);
        assertThat(outline.causes().get(0).title()).isEqualTo("Cause 0");
        assertThat(outline.causes().get(0).percent()).isEqualTo(82);
        assertThat(outline.causes().get(0).evidence()).containsExactly(new ReplyOutline.Line(false, "port open"),
                new ReplyOutline.Line(true, "NLA off"), new ReplyOutline.Line(false, "third"));
        assertThat(outline.moreCauses()).isEqualTo(2);
        assertThat(outline.fix()).isEmpty();
    }

    @Test
    void showsTheLeadingFixsFirstFiveStepsUnderItsCausesTitle() {
        List<String> steps = IntStream.range(0, 7).mapToObj(i -> "step " + i).toList();
        Reply reply = reply(List.of(new Reply.Cause("nla", "NLA mismatch", 0.5, List.of())),
                List.of(new Reply.Fix("nla", "a1", steps), new Reply.Fix("other", "a2", List.of("ignored"))));

        ReplyOutline outline = ReplyOutline.of(reply);

        assertThat(outline.moreCauses()).isZero();
        assertThat(outline.fix()).contains(new ReplyOutline.Fix("NLA mismatch", steps.subList(0, 5), 2));
    }

    @Test
    void aFixForACauseNotInTheReplyIsTitledByTheCauseId() {
        ReplyOutline outline = ReplyOutline.of(reply(List.of(), List.of(new Reply.Fix("gone", "a", List.of("s")))));

        assertThat(outline.causes()).isEmpty();
        assertThat(outline.fix()).contains(new ReplyOutline.Fix("gone", List.of("s"), 0));
    }

    private static Reply reply(List<Reply.Cause> causes, List<Reply.Fix> fixes) {
        return new Reply(Optional.empty(), List.of(), causes, fixes, List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), false, Optional.empty());
    }
}
