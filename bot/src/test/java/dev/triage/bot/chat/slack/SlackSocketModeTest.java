package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.BotApplication;
import dev.triage.bot.BotException;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.SlackSettings;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Socket Mode end to end: Triage started by {@code serve()} with the bot and app tokens only, Bolt's Socket Mode
 * client on a real WebSocket to a stand-in of Slack's socket server, and the replies through the stand-in Web API.
 * One server for the class; each test uses its own threads and event ids.
 */
class SlackSocketModeTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String DIALOG = SlackEventsTest.DIALOG;

    @TempDir
    static Path data;
    static SlackStandIn slack;
    static SocketModeStandIn socket;
    static BotApplication app;
    static Javalin server;

    @BeforeAll
    static void start() throws Exception {
        slack = new SlackStandIn();
        socket = new SocketModeStandIn();
        slack.socketUrl(socket::url);
        app = BotApplication.create(config(data.resolve("db"), SlackStandIn.APP_TOKEN));
        server = app.serve();
        socket.awaitConnections(1, WAIT);
    }

    @AfterAll
    static void stop() {
        server.stop();
        app.close();
        socket.close();
        slack.close();
    }

    static BotConfig config(Path dir, String appToken) {
        return BotConfig.defaults().withDataDir(dir).withPort(0).withSlack(new SlackSettings(Optional.of("xoxb-test"),
                Optional.empty(), slack.apiUrl(), Optional.of(appToken), List.of()));
    }

    @Test
    void aMentionOverTheSocketIsAcknowledgedByItsEnvelopeIdAndAnsweredInItsThread() throws Exception {
        String thread = "1700000010.000100";

        socket.sendEvent("env-mention", SlackHarness.envelope("EvS1", SlackHarness.mention("U1", "C1", thread,
                DIALOG)), 0);

        assertThat(socket.awaitAck("env-mention", WAIT).path("envelope_id").asText()).isEqualTo("env-mention");
        SlackStandIn.Call reply = slack.await("chat.postMessage", c -> c.field("thread_ts").equals(thread), WAIT);
        assertThat(reply.field("channel")).isEqualTo("C1");
        assertThat(reply.authorization()).isEqualTo("Bearer xoxb-test");
        assertThat(reply.field("blocks")).contains("Likely causes").contains("/cases/");
        assertThat(SlackEventsTest.actions(blocks(reply)).size()).isGreaterThan(1);
        assertThat(slack.calls("apps.connections.open").get(0).authorization())
                .isEqualTo("Bearer " + SlackStandIn.APP_TOKEN);
    }

    @Test
    void aRetriedEnvelopeOfTheSameEventIsAcknowledgedButGetsNoSecondAnswer() throws Exception {
        String thread = "1700000010.000200";
        String event = SlackHarness.envelope("EvS2", SlackHarness.mention("U1", "C1", thread, DIALOG));
        socket.sendEvent("env-first", event, 0);
        slack.await("chat.postMessage", c -> c.field("thread_ts").equals(thread), WAIT);

        socket.sendEvent("env-retry", event, 1);

        socket.awaitAck("env-retry", WAIT);
        Thread.sleep(1_000);
        assertThat(slack.calls("chat.postMessage")).filteredOn(c -> c.field("thread_ts").equals(thread)).hasSize(1);
    }

    @Test
    void theSlashCommandAndAnAnswerButtonArriveOverTheSocketToo() throws Exception {
        String command = SlackHarness.JSON.writeValueAsString(Map.of("token", "unused", "team_id", SlackStandIn.TEAM,
                "channel_id", "C2", "user_id", "U1", "command", SlackHandlers.COMMAND, "text", DIALOG,
                "api_app_id", "A1", "response_url", "http://127.0.0.1:9/unused", "trigger_id", "1.2.3"));

        socket.sendEnvelope("env-command", "slash_commands", command);

        socket.awaitAck("env-command", WAIT);
        SlackStandIn.Call root = slack.await("chat.postMessage", c -> c.field("channel").equals("C2")
                && c.field("thread_ts").isEmpty(), WAIT);
        SlackStandIn.Call reply = slack.await("chat.postMessage", c -> c.field("thread_ts").equals(root.ts()), WAIT);
        JsonNode button = SlackEventsTest.actions(blocks(reply)).get(0);

        socket.sendEnvelope("env-click", "interactive", SlackButtonsTest.click(reply, "U1", button, "C2", root.ts()));

        socket.awaitAck("env-click", WAIT);
        SlackStandIn.Call answered = slack.await("chat.update", c -> c.field("ts").equals(reply.ts()), WAIT);
        assertThat(blocks(answered).toString()).doesNotContain("\"actions\"").contains("answered");
    }

    @Test
    void aDisconnectMessageMovesTheClientToAFreshAddressWhereEventsArriveAsBefore() throws Exception {
        int before = socket.connections().size();
        String thread = "1700000010.000400";

        socket.sendDisconnect();

        socket.awaitConnections(before + 1, WAIT);
        long addressesHandedOut = slack.calls("apps.connections.open").stream()
                .filter(c -> c.authorization().equals("Bearer " + SlackStandIn.APP_TOKEN)).count();
        assertThat(socket.connections().get(before).n()).isEqualTo(String.valueOf(addressesHandedOut));
        socket.sendEvent("env-after", SlackHarness.envelope("EvS4", SlackHarness.mention("U1", "C1", thread,
                DIALOG)), 0);
        socket.awaitAck("env-after", WAIT);
        slack.await("chat.postMessage", c -> c.field("thread_ts").equals(thread), WAIT);
        socket.awaitClosed(socket.connections().get(before - 1), WAIT);
    }

    @Test
    void withoutTheSigningSecretThereIsNoEndpointToPostTo() throws Exception {
        String thread = "1700000010.000500";
        String body = SlackHarness.envelope("EvS5", SlackHarness.mention("U1", "C1", thread, DIALOG));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + SlackAdapter.PATH)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));

        HttpResponse<String> response = HttpClient.newHttpClient().send(SlackHarness.signed(body, Instant.now(),
                "any-secret").apply(request).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        Thread.sleep(300);
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> c.field("thread_ts").equals(thread));
    }

    @Test
    void anAppTokenSlackRefusesStopsTheServerFromStarting() {
        try (BotApplication refused = BotApplication.create(config(data.resolve("refused"), "xapp-1-A1-1-revoked"))) {
            assertThatThrownBy(refused::serve).isInstanceOf(BotException.class)
                    .hasMessageContaining("SLACK_APP_TOKEN").hasMessageContaining("invalid_auth")
                    .hasMessageNotContaining("xapp-1-A1-1-revoked");
        }
    }

    private static JsonNode blocks(SlackStandIn.Call call) throws Exception {
        return SlackHarness.JSON.readTree(call.field("blocks"));
    }
}
