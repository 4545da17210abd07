package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * probes.scopes over Discord: the guild, channel and user of a signed interaction decide whether the host is probed;
 * a direct message has no guild and is written {@code dm}. The global allow-list covers the host throughout.
 */
class DiscordProbeScopesTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String REFUSAL = "live probes are not allowed for you in this channel; the diagnosis is from the"
            + " text only";

    @TempDir
    static Path dir;
    static DiscordHarness h;
    static String host;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            host = "127.0.0.1:" + s.getLocalPort();
        }
        Path scopes = Files.writeString(dir.resolve("probes.scopes"), String.join("\n",
                "discord:" + DiscordHarness.GUILD + "/920000000000000002/*  all   # the helpdesk channel",
                "discord:dm/*/*  none"));
        h = new DiscordHarness(BotConfig.defaults().withDataDir(dir.resolve("data"))
                .withProbesAllow(List.of(host.replace(":", "/32:")))
                .withProbesScopes(Optional.of(scopes)), List.of(), List.of());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void aGuildChannelNoRuleCoversGetsTheTextOnlyAnswerAndAnAuditRowUnderTheGuildAndUser() throws Exception {
        ObjectNode command = DiscordHarness.command("700000000000000031", "mstsc /v:" + host + " "
                + DiscordHarness.DIALOG);
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
        ObjectNode command = DiscordHarness.command("700000000000000032", "mstsc /v:" + host + " "
                + DiscordHarness.DIALOG);
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
