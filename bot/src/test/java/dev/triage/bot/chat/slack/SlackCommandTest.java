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

/**
 * {@code /triage <paste>} starts a case in a thread of its own, under a message saying who asked and quoting the paste
 * (in a private channel; a public one gets no quote: {@link SlackPrivateHostsTest}).
 */
class SlackCommandTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    static Map<String, String> command(String text) {
        return Map.of("command", "/triage", "text", text, "team_id", SlackStandIn.TEAM, "channel_id", "G7",
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
            assertThat(reply.field("channel")).isEqualTo("G7");
            assertThat(reply.field("blocks")).contains("Likely causes");
            assertThat(h.app.chatCore().conversations().cases("", 0, 10)).hasSize(1);
        }
    }

    @Test
    void anEmptyCommandOpensAModalWhosePasteStartsTheCaseInTheChannel() throws Exception {
        try (SlackHarness h = new SlackHarness(BotConfig.defaults().withDataDir(data), List.of())) {
            HttpResponse<String> ack = h.postForm(command("   "));

            assertThat(ack.statusCode()).isEqualTo(200);
            SlackStandIn.Call open = h.slack.await("views.open", c -> true, WAIT);
            assertThat(open.field("trigger_id")).isEqualTo("1.2.3");
            var view = SlackHarness.JSON.readTree(open.field("view"));
            assertThat(view.path("callback_id").asText()).isEqualTo("triage_paste");
            assertThat(view.path("private_metadata").asText()).isEqualTo("G7");

            HttpResponse<String> submitted = h.postForm(Map.of("payload", submission(SlackEventsTest.DIALOG)));

            assertThat(submitted.statusCode()).isEqualTo(200);
            SlackStandIn.Call root = h.slack.await("chat.postMessage", c -> c.field("thread_ts").isEmpty(), WAIT);
            assertThat(root.field("channel")).isEqualTo("G7");
            h.slack.await("chat.postMessage", c -> c.field("thread_ts").equals(root.ts())
                    && c.field("blocks").contains("Likely causes"), WAIT);
        }
    }

    @Test
    void whenTheModalCannotOpenTheAckSaysHowToUseTheCommand() throws Exception {
        try (SlackHarness h = new SlackHarness(BotConfig.defaults().withDataDir(data), List.of())) {
            Map<String, String> noTrigger = new java.util.HashMap<>(command(""));
            noTrigger.remove("trigger_id");

            HttpResponse<String> ack = h.postForm(noTrigger);

            assertThat(ack.statusCode()).isEqualTo(200);
            assertThat(ack.body()).contains("Paste the error after the command");
            Thread.sleep(500);
            assertThat(h.slack.calls("chat.postMessage")).isEmpty();
        }
    }

    /** The view_submission payload of the paste modal, opened in channel C7 by U7. */
    private static String submission(String text) throws Exception {
        var p = SlackHarness.JSON.createObjectNode();
        p.put("type", "view_submission").put("api_app_id", "A1").put("token", "unused").put("trigger_id", "4.5.6");
        p.putObject("team").put("id", SlackStandIn.TEAM).put("domain", "example");
        p.putObject("user").put("id", "U7").put("username", "pat").put("team_id", SlackStandIn.TEAM);
        var view = p.putObject("view");
        view.put("id", "V1").put("type", "modal").put("callback_id", "triage_paste").put("private_metadata", "G7")
                .put("team_id", SlackStandIn.TEAM);
        view.putObject("state").putObject("values").putObject("paste").putObject("text")
                .put("type", "plain_text_input").put("value", text);
        return SlackHarness.JSON.writeValueAsString(p);
    }
}
