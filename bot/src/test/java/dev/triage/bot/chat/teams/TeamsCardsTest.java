package dev.triage.bot.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Replies as activities: within 25 KB whatever the reply holds, untrusted text escaped, cards that submit answers. */
class TeamsCardsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final TeamsCards cards = new TeamsCards("https://triage.example/", JSON);

    @Test
    void aHugeReplyStaysWithin25KilobytesAndStillEndsWithTheCaseLink() throws Exception {
        String longStep = "Do this — ünïcödé. ".repeat(1_000);
        List<Reply.Cause> causes = IntStream.range(0, 40).mapToObj(i -> new Reply.Cause("c" + i, "Cause " + i,
                0.5, List.of(new Evidence("r", "evidence \"quoted\" ".repeat(200), 10)))).toList();
        List<DecodedCode> codes = IntStream.range(0, 300).mapToObj(i -> new DecodedCode("0x" + i,
                CodeKind.DISCONNECT_REASON, i, "NAME_" + i, "meaning <b>& ".repeat(10), "", "")).toList();
        Reply reply = reply(codes, causes, List.of(new Reply.Fix("c0", "a0", List.of(longStep, longStep, longStep,
                longStep, longStep, longStep))), List.of(question(3)), List.of("x".repeat(5_000)));

        ObjectNode activity = cards.reply(reply);

        assertThat(JSON.writeValueAsBytes(activity).length).isLessThanOrEqualTo(TeamsCards.MAX_BYTES);
        assertThat(activity.path("text").asText()).contains("…").endsWith("a summary to paste into a ticket.")
                .contains("[Case abc123](https://triage.example/cases/abc123)");
        assertThat(JSON.writeValueAsString(activity).getBytes(StandardCharsets.UTF_8).length)
                .isGreaterThan(TeamsCards.MAX_BYTES / 2);
    }

    @Test
    void eachOptionIsASubmitButtonNamingTheCaseTheQuestionAndTheOption() {
        JsonNode card = cards.question(reply(List.of(), List.of(), List.of(), List.of(question(3)), List.of()))
                .orElseThrow().path("attachments").path(0);

        assertThat(card.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode actions = card.path("content").path("actions");
        assertThat(actions).hasSize(3);
        assertThat(actions.get(1).path("type").asText()).isEqualTo("Action.Submit");
        assertThat(actions.get(1).path("data")).isEqualTo(JSON.createObjectNode().put("triage", "answer")
                .put("case", "abc123").put("question", "environment").put("value", "v1"));
        assertThat(actions.get(1).path("title").asText()).hasSizeLessThanOrEqualTo(60);
    }

    @Test
    void manyOptionsBecomeAChoiceListWhoseSubmitCarriesTheChoice() {
        JsonNode content = cards.question(reply(List.of(), List.of(), List.of(), List.of(question(9)), List.of()))
                .orElseThrow().path("attachments").path(0).path("content");

        JsonNode choices = content.path("body").get(1);
        assertThat(choices.path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(choices.path("id").asText()).as("merged into the submit's data as 'value'").isEqualTo("value");
        assertThat(choices.path("choices")).hasSize(9);
        assertThat(content.path("actions")).hasSize(1);
        assertThat(content.path("actions").get(0).path("data").has("value")).isFalse();
    }

    @Test
    void pastedTextCannotFormatLinkOrMentionInMessagesOrCards() {
        Reply reply = reply(List.of(), List.of(new Reply.Cause("c", "T", 0.5, List.of())), List.of(), List.of(),
                List.of("You pasted <at>Everyone</at> [bank](https://evil.example) **now**"));
        String text = cards.reply(reply).path("text").asText();
        assertThat(text).doesNotContain("<at>").contains("&lt;at&gt;").doesNotContain("[bank](")
                .contains("∗∗now∗∗");

        ProbeOutcome step = new ProbeOutcome("tls", "CONNECTED", true, "CN=[x](https://evil) _x_ <img>", 12, Map.of());
        String ladder = cards.progress(Optional.of("host`1`"), List.of(step), Optional.of("ntlm"), false)
                .path("text").asText();
        assertThat(ladder).doesNotContain("[x](").doesNotContain("<img>").contains("ˍxˍ").contains("`hostˋ1ˋ`");

        String answered = cards.answered("Mallory **[click](https://evil)**", "Where?", "_Azure_").toString();
        assertThat(answered).doesNotContain("[click](").doesNotContain("**[").contains("ˍAzureˍ");
    }

    private static Question question(int options) {
        return new Question("environment", "Where does the server run?", IntStream.range(0, options)
                .mapToObj(i -> new Question.Option("v" + i, "Option " + i + " ".repeat(100) + "end")).toList());
    }

    private static Reply reply(List<DecodedCode> codes, List<Reply.Cause> causes, List<Reply.Fix> fixes,
            List<Question> questions, List<String> notices) {
        return new Reply(Optional.of("abc123"), codes, causes, fixes, questions, List.of(), List.of(), notices,
                Optional.empty(), false, Optional.empty());
    }
}
