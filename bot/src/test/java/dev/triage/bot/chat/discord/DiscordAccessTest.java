package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.HttpSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may reach Triage through Discord: only the allowed servers (others and direct messages get a notice only the
 * user sees, and nothing is stored), and Discord's signed POST needs no access credentials while everything else on
 * the server still does.
 */
class DiscordAccessTest {
    static final String ALLOWED = "900000000000000002";
    static final String TOKEN = "a-long-enough-access-token";

    @TempDir
    static Path data;
    static DiscordHarness h;

    @BeforeAll
    static void start() throws Exception {
        HttpSettings guarded = new HttpSettings(HttpSettings.LOOPBACK, Optional.of(TOKEN), Map.of(), List.of(), 16);
        h = new DiscordHarness(BotConfig.defaults().withDataDir(data).withHttp(guarded), List.of(ALLOWED), List.of());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void anotherServerAndDirectMessagesAreTurnedAwayPrivatelyAndNothingIsStored() throws Exception {
        ObjectNode elsewhere = DiscordHarness.command("700000000000000011", DiscordHarness.DIALOG);
        ObjectNode direct = DiscordHarness.command("700000000000000012", DiscordHarness.DIALOG);
        direct.remove("guild_id");
        direct.set("user", direct.remove("member").path("user"));
        int cases = h.app.chatCore().conversations().cases("", 0, 100).size();
        int calls = h.discord.calls().size();

        for (ObjectNode interaction : List.of(elsewhere, direct)) {
            HttpResponse<String> r = h.post(interaction);
            JsonNode response = DiscordStandIn.JSON.readTree(r.body());
            assertThat(response.path("type").asInt()).isEqualTo(4);
            assertThat(response.path("data").path("flags").asInt()).isEqualTo(64);
            assertThat(response.path("data").path("content").asText()).contains("not enabled here");
        }
        Thread.sleep(300);

        assertThat(h.app.chatCore().conversations().cases("", 0, 100)).hasSize(cases);
        assertThat(h.discord.calls()).hasSize(calls);
    }

    @Test
    void discordsSignedPostNeedsNoAccessCredentialsButEverythingElseStillDoes() throws Exception {
        ObjectNode allowed = DiscordHarness.command("700000000000000013", DiscordHarness.DIALOG);
        allowed.put("guild_id", ALLOWED);
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> signed = h.post(allowed);
        HttpResponse<String> bearerOnly = h.post(allowed.toString(), b -> b.header("Authorization", "Bearer "
                + TOKEN));
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(h.uri(DiscordAdapter.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(h.uri("/api/cases/x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(DiscordStandIn.JSON.readTree(signed.body()).path("type").asInt()).isEqualTo(5);
        assertThat(bearerOnly.statusCode()).isEqualTo(401);
        assertThat(get.statusCode()).isEqualTo(401);
        assertThat(api.statusCode()).isEqualTo(401);
        h.discord.await(c -> c.path().contains(DiscordHarness.token(allowed)), Duration.ofSeconds(20));
    }
}
