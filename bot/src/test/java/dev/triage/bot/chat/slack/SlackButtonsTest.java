package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.BotConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A click on an answer button arrives signed at the same endpoint: the case comes from the thread, never the button;
 * only the case's requester or the helpdesk may answer; the answer re-ranks and the buttons are replaced.
 */
class SlackButtonsTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String THREAD = "1700000002.000100";
    static final String HELPDESK = "U0DESK";

    @TempDir
    Path data;
    SlackHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SlackHarness(BotConfig.defaults().withDataDir(data), List.of(HELPDESK));
        h.postJson(SlackHarness.envelope("EvB1", SlackHarness.mention("U1", "C1", THREAD, SlackEventsTest.DIALOG)));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theRequestersClickAnswersTheQuestionReplacesTheButtonsAndPostsTheReRankedReply() throws Exception {
        SlackStandIn.Call first = h.slack.await("chat.postMessage", c -> true, WAIT);
        JsonNode button = SlackEventsTest.actions(blocks(first)).get(0);
        String questionId = button.path("value").asText().split("=")[0];

        assertThat(h.postForm(Map.of("payload", click(first, "U1", button))).statusCode()).isEqualTo(200);

        SlackStandIn.Call edited = h.slack.await("chat.update", c -> c.field("ts").equals(first.ts()), WAIT);
        // Gson escapes < and > in the JSON it sends; read the blocks as JSON to see the text Slack shows.
        assertThat(blocks(edited).toString()).doesNotContain("\"actions\"").contains("answered")
                .contains("<@U1>").contains("Likely causes");
        SlackStandIn.Call next = h.slack.await("chat.postMessage", c -> !c.ts().equals(first.ts()), WAIT);
        assertThat(next.field("thread_ts")).isEqualTo(THREAD);
        assertThat(next.field("blocks")).contains("Likely causes");
        if (next.field("blocks").contains("\"actions\"")) {
            assertThat(SlackEventsTest.actions(blocks(next)).get(0).path("value").asText())
                    .doesNotStartWith(questionId + "=");
        }
        String caseId = h.app.chatCore().conversations().cases("", 0, 10).get(0).caseId();
        assertThat(h.app.chatCore().conversations().view(caseId).orElseThrow().state().answers())
                .containsEntry(questionId, button.path("value").asText().split("=", 2)[1]);
    }

    @Test
    void someoneElsesClickIsRefusedPrivatelyAndChangesNothing() throws Exception {
        SlackStandIn.Call first = h.slack.await("chat.postMessage", c -> true, WAIT);
        JsonNode button = SlackEventsTest.actions(blocks(first)).get(0);

        h.postForm(Map.of("payload", click(first, "U2", button)));

        SlackStandIn.Call whisper = h.slack.await("chat.postEphemeral", c -> true, WAIT);
        assertThat(whisper.field("user")).isEqualTo("U2");
        assertThat(whisper.field("text")).contains("<@U1>");
        Thread.sleep(500);
        assertThat(h.slack.calls("chat.update")).isEmpty();
        assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void theHelpdeskMayAnswerAndASecondClickOnTheSameMessageIsIgnored() throws Exception {
        SlackStandIn.Call first = h.slack.await("chat.postMessage", c -> true, WAIT);
        JsonNode buttons = SlackEventsTest.actions(blocks(first));

        h.postForm(Map.of("payload", click(first, HELPDESK, buttons.get(0))));
        h.slack.await("chat.update", c -> true, WAIT);
        h.postForm(Map.of("payload", click(first, "U1", buttons.get(1))));
        h.slack.await("chat.postMessage", c -> h.slack.calls("chat.postMessage").size() == 2, WAIT);
        Thread.sleep(800);

        assertThat(h.slack.calls("chat.update")).hasSize(1);
        assertThat(h.slack.calls("chat.postMessage")).hasSize(2);
    }

    @Test
    void aButtonFromAThreadThatIsNoCaseOpensNothing() throws Exception {
        SlackStandIn.Call first = h.slack.await("chat.postMessage", c -> true, WAIT);
        JsonNode button = SlackEventsTest.actions(blocks(first)).get(0);
        String payload = click(first, "U1", button).replace(THREAD, "1699999999.000001");

        h.postForm(Map.of("payload", payload));

        h.slack.await("chat.postEphemeral", c -> c.field("text").contains("not a Triage case"), WAIT);
        assertThat(h.slack.calls("chat.update")).isEmpty();
    }

    @Test
    void aForgedClickGets401() throws Exception {
        SlackStandIn.Call first = h.slack.await("chat.postMessage", c -> true, WAIT);
        String body = SlackHarness.form(Map.of("payload", click(first, "U1",
                SlackEventsTest.actions(blocks(first)).get(0))));

        var r = h.post(body, "application/x-www-form-urlencoded",
                SlackHarness.signed(body, java.time.Instant.now(), "wrong-secret"));

        assertThat(r.statusCode()).isEqualTo(401);
        Thread.sleep(500);
        assertThat(h.slack.calls("chat.update")).isEmpty();
    }

    private static JsonNode blocks(SlackStandIn.Call call) throws Exception {
        return SlackHarness.JSON.readTree(call.field("blocks"));
    }

    private static String click(SlackStandIn.Call posted, String user, JsonNode button) throws Exception {
        return click(posted, user, button, "C1", THREAD);
    }

    /** The block_actions payload Slack sends when {@code user} clicks {@code button} on the posted message. */
    static String click(SlackStandIn.Call posted, String user, JsonNode button, String channel, String thread)
            throws Exception {
        ObjectNode p = SlackHarness.JSON.createObjectNode();
        p.put("type", "block_actions").put("api_app_id", "A1").put("token", "unused").put("trigger_id", "1.2.3")
                .put("response_url", "http://127.0.0.1:9/unused");
        p.putObject("team").put("id", SlackStandIn.TEAM).put("domain", "example");
        p.putObject("user").put("id", user).put("username", user).put("team_id", SlackStandIn.TEAM);
        p.putObject("channel").put("id", channel).put("name", "helpdesk");
        p.putObject("container").put("type", "message").put("message_ts", posted.ts()).put("channel_id", channel)
                .put("is_ephemeral", false).put("thread_ts", thread);
        ObjectNode message = p.putObject("message");
        message.put("type", "message").put("ts", posted.ts()).put("thread_ts", thread).put("text",
                posted.field("text"));
        message.set("blocks", blocks(posted));
        ObjectNode action = p.putArray("actions").addObject();
        action.put("type", "button").put("action_id", button.path("action_id").asText())
                .put("block_id", "question").put("value", button.path("value").asText()).put("action_ts", "1.2");
        action.set("text", button.path("text"));
        return SlackHarness.JSON.writeValueAsString(p);
    }
}
