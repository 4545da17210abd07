package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.config.BotConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /triage <paste>} starts a case in a thread of its own, under a message saying who asked. */
class SlackCommandTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    static Map<String, String> command(String text) {
        return Map.of("command", "/triage", "text", text, "team_id", SlackStandIn.TEAM, "channel_id", "C7",
                "user_id", "U7", "user_name", "pat", "response_url", "http://127.0.0.1:9/unused",
                "trigger_id", "1.2.3", "token", "unused", "api_app_id", "A1");
    }

    @Test
    void theCommandOpensACaseInAThreadUnderAMessageNamingWhoAsked() throws Exception {
        try (SlackHarness h = new SlackHarness(BotConfig.defaults().withDataDir(data), List.of())) {
            HttpResponse<String> ack = h.postForm(command(SlackEventsTest.DIALOG + " <!channel>"));

            assertThat(ack.statusCode()).isEqualTo(200);
            SlackStandIn.Call root = h.slack.await("chat.postMessage", c -> c.field("thread_ts").isEmpty(), WAIT);
            String rootText = SlackHarness.JSON.readTree(root.field("blocks")).toString();
            assertThat(rootText).contains("<@U7> asked Triage about `Error code: 0x904")
                    .contains("&lt;!channel&gt;").doesNotContain("<!channel>");
            SlackStandIn.Call reply = h.slack.await("chat.postMessage",
                    c -> c.field("thread_ts").equals(root.ts()), WAIT);
            assertThat(reply.field("channel")).isEqualTo("C7");
            assertThat(reply.field("blocks")).contains("Likely causes");
            assertThat(h.app.chatCore().conversations().cases("", 0, 10)).hasSize(1);
        }
    }

    @Test
    void anEmptyCommandIsAnsweredWithHowToUseItAndStartsNothing() throws Exception {
        try (SlackHarness h = new SlackHarness(BotConfig.defaults().withDataDir(data), List.of())) {
            HttpResponse<String> ack = h.postForm(command("   "));

            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).contains("Paste the error after the command");
            Thread.sleep(500);
            assertThat(h.slack.calls("chat.postMessage")).isEmpty();
        }
    }
}
