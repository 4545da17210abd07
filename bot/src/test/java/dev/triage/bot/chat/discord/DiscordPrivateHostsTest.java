package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.BotConfig;
import dev.triage.probes.fixtures.TestCertificates.Kind;
import dev.triage.probes.fixtures.XrdpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a server channel nothing Triage edits into an interaction's message names the host or an address the probes
 * reached (a real xrdp on 127.0.0.1, whose certificate names localhost), not even in Discord's escaped Markdown; the
 * person who asked gets them in an ephemeral follow-up (flag 64) after the message was edited, with the case link. A
 * host typed into a form is not echoed to the channel. In a direct message everything is shown inline.
 */
class DiscordPrivateHostsTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static XrdpServer xrdp;
    static DiscordHarness h;

    @BeforeAll
    static void start() throws Exception {
        xrdp = XrdpServer.negotiating(dir, Kind.EXPIRED);
        h = new DiscordHarness(BotConfig.defaults().withDataDir(dir.resolve("data"))
                .withProbesAllow(List.of("127.0.0.1/32:" + xrdp.port())), List.of(), List.of());
    }

    @AfterAll
    static void stop() {
        h.close();
        xrdp.close();
    }

    private static String paste() {
        return "mstsc /v:127.0.0.1:" + xrdp.port() + " " + DiscordHarness.DIALOG;
    }

    /** Everything a call sent that a reader could see, with Discord's Markdown escapes taken out. */
    private static String readable(DiscordStandIn.Call call) {
        return call.shown().replace("\\", "");
    }

    /** The edit that shows the settled answer: the ladder done, nothing "checking" any more. */
    private static DiscordStandIn.Call settled(String token) throws InterruptedException {
        return h.discord.await(c -> c.path().contains(token) && c.method().equals("PATCH")
                && c.shown().contains("Checked ") && !c.shown().contains("this message is updated"), WAIT);
    }

    @Test
    void aServerChannelsMessageNamesNoHostAndTheAskerGetsTheDetailsInAnEphemeralFollowUp() throws Exception {
        ObjectNode command = DiscordHarness.command("700000000000000051", paste());
        String token = DiscordHarness.token(command);
        h.post(command);

        DiscordStandIn.Call settled = settled(token);
        // Triage's own address (http://localhost:PORT): the case links carry it, and it must survive the redaction.
        String caseLinks = h.app.config().publicUrl() + "/cases/";
        DiscordStandIn.Call details = h.discord.await(c -> c.method().equals("POST")
                && c.path().equals("/webhooks/" + DiscordStandIn.APP + "/" + token), WAIT);

        List<DiscordStandIn.Call> edits = h.discord.edits(token);
        assertThat(edits).allSatisfy(edit -> assertThat(readable(edit)).doesNotContain("127.0.0.1"));
        // The certificate names localhost: once the probes found that, it is a host name too.
        assertThat(readable(settled).replace(caseLinks, "")).doesNotContainIgnoringCase("localhost");
        // Settled at 98 % by the probes, so Triage asks nothing more (issue 13: questions that earn their place).
        assertThat(settled.shown()).contains("Checked the host", "Likely causes", "EXPIRED", caseLinks)
                .doesNotContain("triage_answer:");
        assertThat(details.body().path("flags").asInt()).as("ephemeral").isEqualTo(64);
        assertThat(details.at()).as("after @original was edited, or Discord takes it as that edit")
                .isAfter(edits.get(0).at());
        assertThat(details.content()).startsWith("Only you can see this.");
        assertThat(readable(details)).contains("127.0.0.1:" + xrdp.port(), "localhost", "EXPIRED",
                caseLinks).doesNotContain("triage_answer:");
        assertThat(details.body().path("allowed_mentions").toString()).isEqualTo("{\"parse\":[]}");
        Thread.sleep(300);
        assertThat(h.discord.followUps(token)).as("one follow-up per turn").hasSize(1);
    }

    @Test
    void aHostTypedIntoTheFormIsNotEchoedToTheChannel() throws Exception {
        String user = "700000000000000052";
        ObjectNode command = DiscordHarness.command(user, DiscordHarness.DIALOG);
        h.post(command);
        DiscordStandIn.Call answer = h.discord.await(c -> c.path().contains(DiscordHarness.token(command))
                && c.shown().contains("Likely causes"), WAIT);
        String messageId = h.discord.messageIdOf(DiscordHarness.token(command));
        h.linkedCase(messageId, WAIT);

        ObjectNode submit = DiscordHarness.interaction(5, user);
        submit.putObject("data").put("custom_id", DiscordMessages.TYPE_ANSWER + "target-host")
                .putArray("components").addObject().put("type", 1).putArray("components").addObject()
                .put("type", 4).put("custom_id", DiscordMessages.ANSWER_INPUT).put("value", "rdp01.corp.example");
        submit.set("message", ((ObjectNode) answer.body().deepCopy()).put("id", messageId)
                .put("channel_id", DiscordHarness.CHANNEL));
        JsonNode update = DiscordStandIn.JSON.readTree(h.post(submit).body());

        assertThat(update.path("type").asInt()).isEqualTo(7);
        assertThat(update.path("data").path("content").asText()).contains("answered").contains("**the host**")
                .doesNotContain("rdp01");
        DiscordStandIn.Call reRanked = h.discord.await(c -> c.path().contains(DiscordHarness.token(submit))
                && c.method().equals("PATCH"), WAIT);
        assertThat(readable(reRanked)).doesNotContain("rdp01");
    }

    @Test
    void aDirectMessageShowsEverythingInlineAndSendsNoFollowUp() throws Exception {
        ObjectNode command = DiscordHarness.command("700000000000000053", paste());
        command.remove("guild_id");
        command.set("user", command.remove("member").path("user"));
        String token = DiscordHarness.token(command);
        h.post(command);

        DiscordStandIn.Call settled = settled(token);

        assertThat(readable(settled)).contains("Checked 127.0.0.1:" + xrdp.port(), "Likely causes");
        Thread.sleep(300);
        assertThat(h.discord.followUps(token)).isEmpty();
    }
}
