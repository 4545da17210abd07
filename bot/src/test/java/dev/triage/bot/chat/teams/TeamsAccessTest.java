package dev.triage.bot.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /api/messages sits under /api but is the Bot Framework's endpoint: with access credentials configured, the Bot
 * Connector's POST is let through without them and past the CSRF check, and judged by its JWT alone; Triage's own
 * access token is no Bot Framework token, and everything else still needs credentials.
 */
class TeamsAccessTest {
    static final String TOKEN = "a-long-enough-access-token";

    @TempDir
    Path data;

    @Test
    void theBotConnectorsPostNeedsOnlyItsJwtAndEverythingElseStillNeedsCredentials() throws Exception {
        HttpSettings guarded = new HttpSettings(HttpSettings.LOOPBACK, Optional.of(TOKEN), Map.of(), List.of(), 16);
        try (TeamsHarness h = new TeamsHarness(BotConfig.defaults().withDataDir(data).withHttp(guarded), List.of())) {
            ObjectNode activity = h.personal("1700000007000", "user-7", "Error code: 0x904 Extended error code: 0x7");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> triageTokenOnly = h.post(activity, TOKEN);
            HttpResponse<String> fromABrowserPage = http.send(HttpRequest.newBuilder(h.uri(TeamsAdapter.PATH))
                    .header("Content-Type", "application/json").header("Origin", "https://elsewhere.example")
                    .header("Sec-Fetch-Site", "cross-site")
                    .header("Authorization", "Bearer " + h.login.token(h.connector.serviceUrl()))
                    .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> get = http.send(HttpRequest.newBuilder(h.uri(TeamsAdapter.PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> api = http.send(HttpRequest.newBuilder(h.uri("/api/cases/x")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(triageTokenOnly.statusCode()).isEqualTo(403);
            assertThat(fromABrowserPage.statusCode()).as("judged by its JWT, not by where it came from")
                    .isEqualTo(200);
            assertThat(get.statusCode()).isEqualTo(401);
            assertThat(api.statusCode()).isEqualTo(401);
            h.connector.await(c -> c.text().contains("Likely causes"), Duration.ofSeconds(20));
        }
    }
}
