package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.config.BotConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed Events API requests end to end: Triage's server, real Bolt, the stand-in Slack Web API. */
class SlackEventsTest {
    static final String DIALOG = "Error code: 0x904 Extended error code: 0x7";
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;
    SlackHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new SlackHarness(BotConfig.defaults().withDataDir(data), List.of());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void aMentionIsAcknowledgedAtOnceThenAnsweredInItsThreadWithCausesButtonsAndTheCaseLink() throws Exception {
        String body = SlackHarness.envelope("Ev001", SlackHarness.mention("U1", "C1", "1700000000.000100", DIALOG));

        long started = System.nanoTime();
        HttpResponse<String> ack = h.postJson(body);
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackMillis).isLessThan(3_000);
        SlackStandIn.Call reply = h.slack.await("chat.postMessage",
                c -> c.field("blocks").contains("Likely causes"), WAIT);
        assertThat(reply.field("channel")).isEqualTo("C1");
        assertThat(reply.field("thread_ts")).isEqualTo("1700000000.000100");
        assertThat(reply.authorization()).isEqualTo("Bearer xoxb-test");
        JsonNode blocks = SlackHarness.JSON.readTree(reply.field("blocks"));
        JsonNode buttons = actions(blocks);
        assertThat(buttons.size()).isGreaterThan(1);
        assertThat(buttons.get(0).path("action_id").asText()).isEqualTo("triage_answer_0");
        assertThat(buttons.get(0).path("value").asText()).contains("=");
        String caseId = h.app.chatCore().conversations().cases("", 0, 10).get(0).caseId();
        assertThat(reply.field("blocks")).contains(h.app.config().publicUrl() + "/cases/" + caseId);
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
    }

    @Test
    void aRetryOfTheSameEventIdGetsNoSecondAnswerAndNoSecondCase() throws Exception {
        String body = SlackHarness.envelope("Ev002", SlackHarness.mention("U1", "C1", "1700000000.000200", DIALOG));
        assertThat(h.postJson(body).statusCode()).isEqualTo(200);
        h.slack.await("chat.postMessage", c -> true, WAIT);

        HttpResponse<String> retry = h.post(body, "application/json", b -> h.signed(body, Instant.now()).apply(b)
                .header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout"));
        assertThat(retry.statusCode()).isEqualTo(200);
        Thread.sleep(1_000);

        assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
        assertThat(h.app.chatCore().conversations().cases("", 0, 10)).hasSize(1);
    }

    @Test
    void unsignedForgedStaleAndFutureRequestsGet401AndNothingIsStored() throws Exception {
        String body = SlackHarness.envelope("Ev003", SlackHarness.mention("U1", "C1", "1700000000.000300", DIALOG));

        assertThat(h.post(body, "application/json", b -> b).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(h.post(body, "application/json", SlackHarness.signed(body, Instant.now(), "not-the-secret"))
                .statusCode()).as("forged").isEqualTo(401);
        assertThat(h.post(body, "application/json", h.signed(body, Instant.now().minusSeconds(301))).statusCode())
                .as("stale").isEqualTo(401);
        assertThat(h.post(body, "application/json", h.signed(body, Instant.now().plusSeconds(301))).statusCode())
                .as("future").isEqualTo(401);
        String tampered = body.replace("0x904", "0x905");
        assertThat(h.post(tampered, "application/json", h.signed(body, Instant.now())).statusCode())
                .as("signature of another body").isEqualTo(401);
        Thread.sleep(500);

        assertThat(h.slack.calls()).isEmpty();
        assertThat(h.app.chatCore().conversations().cases("", 0, 10)).isEmpty();
        // The refused requests did not record the event id: the genuine delivery is still answered.
        assertThat(h.postJson(body).statusCode()).isEqualTo(200);
        h.slack.await("chat.postMessage", c -> c.field("thread_ts").equals("1700000000.000300"), WAIT);
    }

    @Test
    void anOldRequestReplayedWithItsOriginalSignatureIsRefused() throws Exception {
        String body = SlackHarness.envelope("Ev004", SlackHarness.mention("U1", "C1", "1700000000.000400", DIALOG));
        var captured = h.signed(body, Instant.now().minus(Duration.ofMinutes(10)));

        assertThat(h.post(body, "application/json", captured).statusCode()).isEqualTo(401);
        Thread.sleep(300);
        assertThat(h.slack.calls()).isEmpty();
    }

    @Test
    void urlVerificationEchoesTheChallenge() throws Exception {
        String body = "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\","
                + "\"type\":\"url_verification\"}";
        HttpResponse<String> r = h.postJson(body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void botMessagesAreIgnoredAndADirectMessageOpensACaseInItsThread() throws Exception {
        Map<String, Object> fromBot = Map.of("type", "message", "channel", "D1", "channel_type", "im", "user", "U9",
                "bot_id", "B9", "ts", "1700000000.000500", "text", DIALOG);
        Map<String, Object> fromPerson = Map.of("type", "message", "channel", "D1", "channel_type", "im",
                "user", "U1", "ts", "1700000000.000600", "text", DIALOG);

        assertThat(h.postJson(SlackHarness.envelope("Ev005", fromBot)).statusCode()).isEqualTo(200);
        assertThat(h.postJson(SlackHarness.envelope("Ev006", fromPerson)).statusCode()).isEqualTo(200);

        SlackStandIn.Call reply = h.slack.await("chat.postMessage", c -> true, WAIT);
        assertThat(reply.field("channel")).isEqualTo("D1");
        assertThat(reply.field("thread_ts")).isEqualTo("1700000000.000600");
        Thread.sleep(500);
        assertThat(h.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aTypedReplyInTheThreadContinuesTheSameCase() throws Exception {
        h.postJson(SlackHarness.envelope("Ev007", SlackHarness.mention("U1", "C1", "1700000000.000700", DIALOG)));
        h.slack.await("chat.postMessage", c -> true, WAIT);
        Map<String, Object> reply = Map.of("type", "message", "channel", "C1", "channel_type", "channel",
                "user", "U1", "ts", "1700000000.000800", "thread_ts", "1700000000.000700", "text", "it is an Azure VM");

        h.postJson(SlackHarness.envelope("Ev008", reply));

        h.slack.await("chat.postMessage", c -> c.field("thread_ts").equals("1700000000.000700")
                && h.slack.calls("chat.postMessage").size() == 2, WAIT);
        assertThat(h.app.chatCore().conversations().cases("", 0, 10)).hasSize(1);
    }

    @Test
    void aMentionInTheThreadAnswersTheQuestionInWordsOnTheSameCase() throws Exception {
        h.postJson(SlackHarness.envelope("Ev010", SlackHarness.mention("U1", "C1", "1700000000.001000", DIALOG)));
        SlackStandIn.Call first = h.slack.await("chat.postMessage", c -> true, WAIT);
        JsonNode button = actions(SlackHarness.JSON.readTree(first.field("blocks"))).get(0);
        String questionId = button.path("value").asText().split("=", 2)[0];
        String label = button.path("text").path("text").asText();
        Map<String, Object> inThread = new java.util.HashMap<>(SlackHarness.mention("U1", "C1", "1700000000.001100",
                label));
        inThread.put("thread_ts", "1700000000.001000");

        h.postJson(SlackHarness.envelope("Ev011", inThread));

        h.slack.await("chat.postMessage", c -> h.slack.calls("chat.postMessage").size() == 2
                && c.field("thread_ts").equals("1700000000.001000"), WAIT);
        var cases = h.app.chatCore().conversations().cases("", 0, 10);
        assertThat(cases).hasSize(1);
        assertThat(h.app.chatCore().conversations().view(cases.get(0).caseId()).orElseThrow().state().answers())
                .containsKey(questionId);
    }

    @Test
    void aRateLimitedPostIsSentAgainAfterRetryAfter() throws Exception {
        h.slack.rateLimit("chat.postMessage", 1);

        h.postJson(SlackHarness.envelope("Ev009", SlackHarness.mention("U1", "C1", "1700000000.000900", DIALOG)));

        h.slack.await("chat.postMessage", c -> h.slack.calls("chat.postMessage").size() == 2, WAIT);
        List<SlackStandIn.Call> posts = h.slack.calls("chat.postMessage");
        assertThat(posts.get(1).field("blocks")).isEqualTo(posts.get(0).field("blocks"));
        assertThat(Duration.between(posts.get(0).at(), posts.get(1).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(900));
    }

    static JsonNode actions(JsonNode blocks) {
        for (JsonNode block : blocks) {
            if (block.path("type").asText().equals("actions")) {
                return block.path("elements");
            }
        }
        throw new AssertionError("no actions block in " + blocks);
    }
}
