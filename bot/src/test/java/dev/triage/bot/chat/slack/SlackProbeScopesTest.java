package dev.triage.bot.chat.slack;

import static dev.triage.bot.probing.ProbeScopesFixture.REFUSAL;
import static dev.triage.bot.probing.ProbeScopesFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.probing.ProbeScopesFixture;
import dev.triage.bot.store.AuditEntry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * probes.scopes over Slack: the team id, channel and user of a signed mention decide whether the host is probed.
 * The global allow-list covers the host (a closed loopback port) everywhere; only the scope differs.
 */
class SlackProbeScopesTest {
    @TempDir
    static Path dir;
    static ProbeScopesFixture scopes;
    static SlackHarness h;

    @BeforeAll
    static void start() throws Exception {
        scopes = ProbeScopesFixture.of(dir, "slack:" + SlackStandIn.TEAM + "/C0HELPDESK/*  all", "slack:*/*/*  none");
        h = new SlackHarness(scopes.config(), List.of());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void aChannelWithoutProbesGetsTheTextOnlyAnswerAndAnAuditRowUnderTheMentionersIdentity() throws Exception {
        h.postJson(SlackHarness.envelope("EvS1", SlackHarness.mention("U0VISITOR", "C0RANDOM", "1700000009.000100",
                scopes.paste(SlackEventsTest.DIALOG))));

        SlackStandIn.Call ladder = h.slack.await("chat.postMessage", c -> c.field("channel").equals("C0RANDOM")
                && c.field("text").startsWith("Checking"), WAIT);
        SlackStandIn.Call checked = h.slack.await("chat.update", c -> c.field("ts").equals(ladder.ts())
                && c.field("text").startsWith("Checked"), WAIT);
        assertThat(checked.field("blocks")).contains("`policy`", "DENIED", REFUSAL)
                .doesNotContain("`tcp`", "probes.scopes");
        h.slack.await("chat.postMessage", c -> c.field("channel").equals("C0RANDOM")
                && c.field("blocks").contains("Likely causes") && c.field("blocks").contains("/cases/")
                && !c.field("blocks").contains("the steps show below"), WAIT);
        AuditEntry refused = auditOf("slack:" + SlackStandIn.TEAM + ":U0VISITOR");
        assertThat(refused.decision()).isEqualTo("DENIED");
        assertThat(refused.reason()).isEqualTo("probes refused: probes.scopes line 2");
        assertThat(refused.surface()).isEqualTo("slack");
        assertThat(refused.place()).isEqualTo("C0RANDOM/1700000009.000100");

        h.postJson(SlackHarness.envelope("EvS2", SlackHarness.mention("U0HELPER", "C0HELPDESK",
                "1700000009.000200", scopes.paste(SlackEventsTest.DIALOG))));
        SlackStandIn.Call probed = h.slack.await("chat.update", c -> c.field("text").startsWith("Checked")
                && c.field("channel").equals("C0HELPDESK") && c.field("blocks").contains("`tcp`"), WAIT);
        assertThat(probed.field("blocks")).contains("REFUSED");
        assertThat(auditOf("slack:" + SlackStandIn.TEAM + ":U0HELPER").reason()).endsWith("(probes.scopes line 1)");
    }

    @Test
    void aGuestFromAnotherWorkspaceInASharedChannelIsNotCoveredByOurWorkspacesRule() throws Exception {
        Map<String, Object> mention = new HashMap<>(SlackHarness.mention("U0GUEST", "C0HELPDESK",
                "1700000009.000300", scopes.paste(SlackEventsTest.DIALOG)));
        mention.put("user_team", "T0PARTNER");
        mention.put("source_team", "T0PARTNER");

        h.postJson(SlackHarness.envelope("EvS3", mention));

        AuditEntry audit = auditOf("slack:T0PARTNER:U0GUEST");
        assertThat(audit.reason()).isEqualTo("probes refused: probes.scopes line 2");
        assertThat(audit.place()).isEqualTo("C0HELPDESK/1700000009.000300");
        h.slack.await("chat.update", c -> c.field("channel").equals("C0HELPDESK")
                && c.field("blocks").contains(REFUSAL), WAIT);
    }

    private static AuditEntry auditOf(String actor) throws InterruptedException {
        return ProbeScopesFixture.auditOf(h.app.store(), actor);
    }
}
