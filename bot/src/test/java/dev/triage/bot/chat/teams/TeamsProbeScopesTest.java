package dev.triage.bot.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.config.BotConfig;
import dev.triage.bot.store.AuditEntry;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * probes.scopes over Teams: the tenant, the team and channel (or the chat) and the user's AAD object id of a signed
 * activity decide whether the host is probed. One rule covers every channel of the team by the team id's prefix.
 */
class TeamsProbeScopesTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static TeamsHarness h;
    static String host;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            host = "127.0.0.1:" + s.getLocalPort();
        }
        Path scopes = Files.writeString(dir.resolve("probes.scopes"),
                "teams:" + TeamsActivities.TENANT + "/" + TeamsActivities.TEAM + "/*/*  all\n");
        h = new TeamsHarness(BotConfig.defaults().withDataDir(dir.resolve("data"))
                .withProbesAllow(List.of(host.replace(":", "/32:"))).withProbesScopes(Optional.of(scopes)), List.of());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void aOneToOneChatNoRuleCoversGetsTheTextOnlyAnswerAndAnAuditRowUnderTheTenantAndAadObjectId() throws Exception {
        String user = "00000000-0000-4000-8000-00000000c0de";
        var chat = h.personal("1700000007000", user, "mstsc /v:" + host + " " + TeamsConversationTest.DIALOG);
        String conversation = chat.path("conversation").path("id").asText();

        h.post(chat);

        ConnectorStandIn.Call checked = h.connector.await(c -> c.conversation().equals(conversation)
                && c.text().contains("**Checked**") && c.text().contains("live probes are not allowed for you in"
                + " this channel; the diagnosis is from the text only"), WAIT);
        assertThat(checked.text()).doesNotContain("`tcp`", "probes.scopes");
        h.connector.await(c -> c.conversation().equals(conversation) && c.text().contains("Likely causes")
                && c.at().isAfter(checked.at()), WAIT);
        AuditEntry audit = auditOf("teams:" + TeamsActivities.TENANT + ":" + user);
        assertThat(audit.decision()).isEqualTo("DENIED");
        assertThat(audit.reason()).isEqualTo("probes refused: no probes.scopes rule matches");
        assertThat(audit.surface()).isEqualTo("teams");
        assertThat(audit.place()).isEqualTo(conversation + "/chat");
    }

    @Test
    void aChannelOfTheTeamProbesTheSameHost() throws Exception {
        String user = "00000000-0000-4000-8000-0000000000b1";
        var mention = h.mention("1700000007100", user, "mstsc /v:" + host + " " + TeamsConversationTest.DIALOG);
        String conversation = mention.path("conversation").path("id").asText();

        h.post(mention);

        ConnectorStandIn.Call checked = h.connector.await(c -> c.conversation().equals(conversation)
                && c.text().contains("**Checked**") && c.text().contains("`tcp`"), WAIT);
        assertThat(checked.text()).contains("REFUSED");
        AuditEntry audit = auditOf("teams:" + TeamsActivities.TENANT + ":" + user);
        assertThat(audit.reason()).endsWith("(probes.scopes line 1)");
        assertThat(audit.place()).isEqualTo(TeamsActivities.TEAM + "/" + TeamsActivities.CHANNEL + "/1700000007100");
    }

    private static AuditEntry auditOf(String actor) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Optional<AuditEntry> entry = h.app.store().recentAudit(20).stream()
                    .filter(e -> e.actor().equals(actor)).findFirst();
            if (entry.isPresent()) {
                return entry.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no audit row for " + actor);
    }
}
