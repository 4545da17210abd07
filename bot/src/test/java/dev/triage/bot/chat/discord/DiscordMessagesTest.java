package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** A reply as a Discord message: Discord's limits kept whatever the reply holds, untrusted text escaped, no pings. */
class DiscordMessagesTest {
    final DiscordMessages messages = new DiscordMessages("https://triage.example/");

    @Test
    void aHugeReplyStaysWithinDiscordsLimitsAndPointsToTheCase() {
        String longStep = "Do this. ".repeat(1_000);
        List<Reply.Cause> causes = IntStream.range(0, 40).mapToObj(i -> new Reply.Cause("c" + i, "Cause " + i,
                0.5, List.of(new Evidence("r", "evidence ".repeat(200), 10)))).toList();
        List<DecodedCode> codes = IntStream.range(0, 200).mapToObj(i -> new DecodedCode("0x" + i,
                CodeKind.DISCONNECT_REASON, i, "NAME_" + i, "meaning ".repeat(10), "", "")).toList();
        List<ProbeOutcome> steps = IntStream.range(0, 50).mapToObj(i -> new ProbeOutcome("step" + i, "FAILED",
                false, "summary ".repeat(50), 10, Map.of())).toList();
        Reply reply = reply(codes, causes, List.of(new Reply.Fix("c0", "a0", List.of(longStep, longStep, longStep,
                longStep, longStep, longStep, longStep))), List.of(question(30)), List.of("x".repeat(5_000)));

        JsonNode message = messages.reply(reply, Optional.of(new DiscordMessages.Ladder(Optional.of("host"), steps,
                Optional.of("ntlm"), false)));

        assertThat(message.path("content").asText()).hasSizeLessThanOrEqualTo(DiscordMessages.MAX_CONTENT);
        assertThat(message.path("embeds").size()).isLessThanOrEqualTo(10);
        for (JsonNode embed : message.path("embeds")) {
            assertThat(embed.path("description").asText()).hasSizeLessThanOrEqualTo(DiscordMessages.MAX_DESCRIPTION);
            assertThat(embed.path("title").asText()).hasSizeLessThanOrEqualTo(256);
        }
        assertThat(DiscordMessages.shownLength(message) - message.path("content").asText().length())
                .isLessThanOrEqualTo(DiscordMessages.MAX_EMBEDS_TOTAL);
        assertThat(message.path("embeds").get(0).path("description").asText())
                .endsWith("[… more in the case](https://triage.example/cases/abc123)");
        // 30 options are more than 4 rows of 5 buttons: one button opens a modal for a typed answer instead.
        List<JsonNode> buttons = DiscordHarness.buttons(message);
        assertThat(buttons).hasSize(2);
        assertThat(buttons.get(0).path("custom_id").asText()).isEqualTo("triage_type:environment");
        assertThat(buttons.get(1).path("url").asText()).isEqualTo("https://triage.example/cases/abc123");
    }

    @Test
    void optionsAreButtonsInRowsOfFiveNamingOnlyTheQuestionAndTheOptionsPosition() {
        JsonNode message = messages.reply(reply(List.of(), List.of(), List.of(), List.of(question(7)), List.of()),
                Optional.empty());

        JsonNode rows = message.path("components");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).path("components")).hasSize(5);
        assertThat(rows.get(1).path("components")).hasSize(2);
        JsonNode first = rows.get(0).path("components").get(0);
        assertThat(first.path("custom_id").asText()).isEqualTo("triage_answer:environment:0");
        assertThat(first.path("label").asText()).hasSizeLessThanOrEqualTo(80);
        assertThat(rows.get(2).path("components").get(0).path("style").asInt()).as("a link button").isEqualTo(5);
    }

    @Test
    void everyMessageSwitchesMentionsOffAndEscapesPastedAndProbedText() {
        Reply reply = reply(List.of(), List.of(), List.of(), List.of(), List.of("You pasted @everyone **now**"));
        JsonNode message = messages.reply(reply.withMessage("[bank](http://evil)"), Optional.of(
                new DiscordMessages.Ladder(Optional.of("host<@1>"), List.of(new ProbeOutcome("tls", "CONNECTED",
                        true, "CN=<@&42> _x_", 12, Map.of())), Optional.empty(), true)));

        assertThat(message.path("allowed_mentions").toString()).isEqualTo("{\"parse\":[]}");
        assertThat(message.path("content").asText()).contains("\\@everyone \\*\\*now\\*\\*")
                .contains("\\[bank\\]\\(http\\://evil\\)");
        JsonNode ladder = message.path("embeds").get(1);
        assertThat(ladder.path("title").asText()).isEqualTo("Checked host\\<\\@1\\>");
        assertThat(ladder.path("description").asText()).contains("CN=\\<\\@&42\\> \\_x\\_");
        assertThat(DiscordMessages.notice("<@1> hi").path("allowed_mentions").toString())
                .isEqualTo("{\"parse\":[]}");
    }

    @Test
    void theModalHasOneParagraphInputForALongPaste() {
        JsonNode input = DiscordMessages.pasteModal().path("components").get(0).path("components").get(0);

        assertThat(input.path("type").asInt()).isEqualTo(4);
        assertThat(input.path("style").asInt()).isEqualTo(2);
        assertThat(input.path("max_length").asInt()).isEqualTo(4_000);
    }

    private static Question question(int options) {
        return new Question("environment", "Where does the server run?", IntStream.range(0, options)
                .mapToObj(i -> new Question.Option("v" + i, "Option " + i + " ".repeat(100) + "x")).toList());
    }

    private static Reply reply(List<DecodedCode> codes, List<Reply.Cause> causes, List<Reply.Fix> fixes,
            List<Question> questions, List<String> notices) {
        return new Reply(Optional.of("abc123"), codes, causes, fixes, questions, List.of(), List.of(), notices,
                Optional.empty(), false, Optional.empty());
    }
}
