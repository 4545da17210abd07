package dev.triage.bot.chat.teams;

import static dev.triage.bot.probing.ProbeScopesFixture.REFUSAL;
import static dev.triage.bot.probing.ProbeScopesFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.probing.ProbeScopesFixture;
import dev.triage.bot.store.AuditEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * probes.scopes over Teams: the tenant, the team and channel (or the chat) and the user's AAD object id of a signed
 * activity decide whether the host is probed. One rule covers every channel of the team by the team id's prefix.
 */
class TeamsProbeScopesTest {
    @TempDir
    static Path dir;
    static ProbeScopesFixture scopes;
    static TeamsHarness h;

    @BeforeAll
    static void start() throws Exception {
        scopes = ProbeScopesFixture.of(dir, "teams:" + TeamsActivities.TENANT + "/" + TeamsActivities.TEAM
                + "/*/*  all");
        h = new TeamsHarness(scopes.config(), List.of());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void aOneToOneChatNoRuleCoversGetsTheTextOnlyAnswerAndAnAuditRowUnderTheTenantAndAadObjectId() throws Exception {
        String user = "00000000-0000-4000-8000-00000000c0de";
        var chat = h.personal("1700000007000", user, scopes.paste(TeamsConversationTest.DIALOG));
        String conversation = chat.path("conversation").path("id").asText();

        h.post(chat);

        ConnectorStandIn.Call checked = h.connector.await(c -> c.conversation().equals(conversation)
                && c.text().contains("**Checked**") && c.text().contains(REFUSAL), WAIT);
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
        var mention = h.mention("1700000007100", user, scopes.paste(TeamsConversationTest.DIALOG));
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
        return ProbeScopesFixture.auditOf(h.app.store(), actor);
    }
}
