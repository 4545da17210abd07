package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code triage discord register}: installs /triage through the API (here the stand-in), with the bot token. */
class DiscordRegisterTest {
    static DiscordStandIn discord;
    static String publicKey;

    @BeforeAll
    static void start() throws Exception {
        discord = new DiscordStandIn();
        publicKey = DiscordHarness.Keys.generate().publicHex();
    }

    @AfterAll
    static void stop() {
        discord.close();
    }

    /** One run of the command line: exit code, stdout, stderr. */
    record Run(int exit, String out, String err) {
    }

    @Test
    void registersTheCommandInOneServerWithTheBotTokenEvenWhenRateLimitedFirst() throws Exception {
        discord.rateLimit(1);

        Run run = triage(env(DiscordStandIn.BOT_TOKEN), "discord", "register", "--guild", DiscordHarness.GUILD);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Registered /triage (command 1200000000000000001) in server "
                + DiscordHarness.GUILD + ".\n");
        DiscordStandIn.Call call = discord.await(c -> c.path().equals("/applications/" + DiscordStandIn.APP
                + "/guilds/" + DiscordHarness.GUILD + "/commands") && c.body().has("name")
                && discord.calls().size() >= 2, java.time.Duration.ofSeconds(5));
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.authorization()).isEqualTo("Bot " + DiscordStandIn.BOT_TOKEN);
        assertThat(call.body().path("name").asText()).isEqualTo("triage");
        assertThat(call.body().path("type").asInt()).as("a slash command").isEqualTo(1);
        JsonNode option = call.body().path("options").get(0);
        assertThat(option.path("name").asText()).isEqualTo("error");
        assertThat(option.path("type").asInt()).as("a string").isEqualTo(3);
        assertThat(option.path("required").asBoolean()).as("without it, a modal opens").isFalse();
    }

    @Test
    void withoutAServerTheCommandIsRegisteredEverywhere() throws Exception {
        Run run = triage(env(DiscordStandIn.BOT_TOKEN), "discord", "register");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("every server the app is installed in");
        assertThat(discord.calls()).anySatisfy(c -> assertThat(c.path())
                .isEqualTo("/applications/" + DiscordStandIn.APP + "/commands"));
    }

    @Test
    void aWrongTokenFailsWithAHintAndTheTokenIsNotPrinted() throws Exception {
        Run run = triage(env("not-the-token"), "discord", "register");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("HTTP 401").contains("Check DISCORD_BOT_TOKEN").doesNotContain("not-the-token");
    }

    @Test
    void missingSettingsAreNamed() {
        Map<String, String> env = new HashMap<>(env(DiscordStandIn.BOT_TOKEN));
        env.remove("DISCORD_BOT_TOKEN");

        Run run = triage(env, "discord", "register");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("DISCORD_BOT_TOKEN");
        assertThat(triage(env, "discord", "unregister").exit()).isEqualTo(2);
    }

    private static Map<String, String> env(String token) {
        return Map.of("TRIAGE_CONFIG", "/dev/null", "DISCORD_APPLICATION_ID", DiscordStandIn.APP,
                "DISCORD_PUBLIC_KEY", publicKey, "DISCORD_BOT_TOKEN", token, "DISCORD_API_URL", discord.apiUrl());
    }

    private static Run triage(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
