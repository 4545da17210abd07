package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A reply as Block Kit: Slack's limits kept whatever the reply holds, untrusted text escaped, buttons bounded. */
class SlackBlocksTest {
    final SlackBlocks blocks = new SlackBlocks("https://triage.example/");

    @Test
    void aHugeReplyStaysWithinSlacksLimitsAndPointsToTheCase() {
        String longStep = "Do this. ".repeat(1_000);
        List<Reply.Cause> causes = IntStream.range(0, 40).mapToObj(i -> new Reply.Cause("c" + i, "Cause " + i,
                0.5, List.of(new Evidence("r", "evidence ".repeat(200), 10)))).toList();
        List<DecodedCode> codes = IntStream.range(0, 200).mapToObj(i -> new DecodedCode("0x" + i,
                CodeKind.DISCONNECT_REASON, i, "NAME_" + i, "meaning ".repeat(10), "", "")).toList();
        Reply reply = reply(codes, causes, List.of(new Reply.Fix("c0", "a0", List.of(longStep, longStep, longStep,
                longStep, longStep, longStep, longStep))), List.of(question(30)), List.of("x".repeat(5_000)));

        SlackMessage message = blocks.reply(reply);

        assertThat(message.blocks()).hasSizeLessThanOrEqualTo(SlackBlocks.MAX_BLOCKS);
        int total = 0;
        for (LayoutBlock block : message.blocks()) {
            if (block instanceof SectionBlock section) {
                assertThat(section.getText().getText()).hasSizeLessThanOrEqualTo(SlackBlocks.MAX_SECTION);
                total += section.getText().getText().length();
            } else if (block instanceof ContextBlock context) {
                for (var element : context.getElements()) {
                    String text = ((MarkdownTextObject) element).getText();
                    assertThat(text).hasSizeLessThanOrEqualTo(SlackBlocks.MAX_SECTION);
                    total += text.length();
                }
            }
        }
        assertThat(total).isLessThanOrEqualTo(SlackBlocks.MAX_TOTAL);
        String json = GsonFactory.createSnakeCase().toJson(message.blocks());
        assertThat(json).contains("https://triage.example/cases/abc123");
        // 30 options are more than a row of buttons holds: the question asks for a typed answer instead.
        assertThat(message.blocks()).noneMatch(b -> b instanceof ActionsBlock);
    }

    @Test
    void eachOptionIsAButtonNamingOnlyTheQuestionAndTheOption() {
        Reply reply = reply(List.of(), List.of(), List.of(), List.of(question(3)), List.of());

        ActionsBlock actions = (ActionsBlock) blocks.reply(reply).blocks().stream()
                .filter(b -> b instanceof ActionsBlock).findFirst().orElseThrow();

        assertThat(actions.getElements()).hasSize(3);
        ButtonElement first = (ButtonElement) actions.getElements().get(0);
        assertThat(first.getActionId()).isEqualTo("triage_answer_0");
        assertThat(first.getValue()).isEqualTo("environment=v0");
        assertThat(first.getText().getText()).hasSizeLessThanOrEqualTo(75);
    }

    @Test
    void pastedTextInNoticesAndProbeSummariesIsEscaped() {
        Reply reply = reply(List.of(), List.of(), List.of(), List.of(), List.of("You pasted <!channel> *now*"));
        String json = GsonFactory.createSnakeCase().toJson(blocks.reply(reply).blocks());
        assertThat(json).doesNotContain("<!channel>").doesNotContain("\\u003c!channel").contains("∗now∗");

        ProbeOutcome step = new ProbeOutcome("tls", "CONNECTED", true, "CN=<http://evil|bank> _x_", 12, Map.of());
        String ladder = GsonFactory.createSnakeCase().toJson(blocks.progress(Optional.of("host<1>"), List.of(step),
                Optional.of("ntlm"), false).blocks());
        assertThat(ladder).doesNotContain("\\u003chttp").doesNotContain("<http").contains("ˍxˍ");
    }

    private static Question question(int options) {
        return new Question("environment", "Where does the server run?", IntStream.range(0, options)
                .mapToObj(i -> new Question.Option("v" + i, "Option " + i + " ".repeat(100))).toList());
    }

    private static Reply reply(List<DecodedCode> codes, List<Reply.Cause> causes, List<Reply.Fix> fixes,
            List<Question> questions, List<String> notices) {
        return new Reply(Optional.of("abc123"), codes, causes, fixes, questions, List.of(), List.of(), notices,
                Optional.empty(), false, Optional.empty());
    }
}
