package dev.triage.bot.chat.discord;

import static dev.triage.bot.probing.ProbeScopesFixture.REFUSAL;
import static dev.triage.bot.probing.ProbeScopesFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.probing.ProbeScopesFixture;
import dev.triage.bot.store.AuditEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * probes.scopes over Discord: the guild, channel and user of a signed interaction decide whether the host is probed;
 * a direct message has no guild and is written {@code dm}. The global allow-list covers the host throughout.
 */
class DiscordProbeScopesTest {
    @TempDir
    static Path dir;
    static ProbeScopesFixture scopes;
    static DiscordHarness h;

    @BeforeAll
    static void start() throws Exception {
        scopes = ProbeScopesFixture.of(dir,
                "discord:" + DiscordHarness.GUILD + "/920000000000000002/*  all   # the helpdesk channel",
                "discord:dm/*/*  none");
        h = new DiscordHarness(scopes.config(), List.of(), List.of());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void aGuildChannelNoRuleCoversGetsTheTextOnlyAnswerAndAnAuditRowUnderTheGuildAndUser() throws Exception {
        ObjectNode command = DiscordHarness.command("700000000000000031", scopes.paste(DiscordHarness.DIALOG));
        h.post(command);

        DiscordStandIn.Call checked = h.discord.await(c -> c.path().contains(DiscordHarness.token(command))
                && c.shown().contains("Checked ") && c.shown().contains(REFUSAL), WAIT);
        assertThat(checked.shown()).contains("Likely causes").doesNotContain("`tcp`", "probes.scopes");
        AuditEntry audit = auditOf("discord:" + DiscordHarness.GUILD + ":700000000000000031");
        assertThat(audit.decision()).isEqualTo("DENIED");
        assertThat(audit.reason()).isEqualTo("probes refused: no probes.scopes rule matches");
        assertThat(audit.surface()).isEqualTo("discord");
        assertThat(audit.place()).startsWith(DiscordHarness.CHANNEL + "/");
    }

    @Test
    void aDirectMessageHasNoGuildAndIsMatchedAsDm() throws Exception {
        ObjectNode command = DiscordHarness.command("700000000000000032", scopes.paste(DiscordHarness.DIALOG));
        command.remove("guild_id");
        command.remove("member");
        command.putObject("user").put("id", "700000000000000032").put("username", "dm-user");
        h.post(command);

        h.discord.await(c -> c.path().contains(DiscordHarness.token(command)) && c.shown().contains("Checked ")
                && c.shown().contains(REFUSAL), WAIT);
        AuditEntry audit = auditOf("discord:dm:700000000000000032");
        assertThat(audit.reason()).isEqualTo("probes refused: probes.scopes line 2");
        assertThat(audit.place()).startsWith(DiscordHarness.CHANNEL + "/");
    }

    private static AuditEntry auditOf(String actor) throws InterruptedException {
        return ProbeScopesFixture.auditOf(h.app.store(), actor);
    }
}
