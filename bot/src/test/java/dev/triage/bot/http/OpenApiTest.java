package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.DiscordSettings;
import dev.triage.bot.config.SlackSettings;
import dev.triage.bot.config.TeamsSettings;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/openapi.json describes exactly the routes the server answers. */
class OpenApiTest {
    @TempDir
    Path data;

    @Test
    void theDescriptionListsEveryRouteAndNoOther() throws Exception {
        // Slack on, so its route is served too; nothing calls Slack until a signed request arrives.
        SlackSettings slack = new SlackSettings(Optional.of("xoxb-unused"), Optional.of("unused-secret"),
                SlackSettings.DEFAULT_API_URL, Optional.empty(), List.of());
        // Discord on as well (a throw-away public key), so its route is served and described.
        DiscordSettings discord = new DiscordSettings(Optional.of("1100000000000000001"),
                Optional.of("39c9c52a4f0419cf403b8ae8e80e94efe3c583bd71b7f1da591dce6f3c6e413b"), Optional.empty(),
                DiscordSettings.DEFAULT_API_URL, List.of(), List.of());
        // Teams on too, for /api/messages; nothing fetches its keys until an activity arrives.
        TeamsSettings teams = new TeamsSettings(Optional.of("app-id"), Optional.of("unused-password"),
                Optional.of("tenant"), TeamsSettings.DEFAULT_OPENID_METADATA_URL,
                TeamsSettings.defaultTokenUrl(Optional.of("tenant")), List.of(), List.of(),
                TeamsSettings.DEFAULT_SERVICE_URLS);
        try (TestServer triage = TestServer.start(BotConfig.defaults().withDataDir(data).withSlack(slack)
                .withDiscord(discord).withTeams(teams))) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    triage.uri("/api/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode spec = new ObjectMapper().readTree(r.body());

            Set<String> described = new TreeSet<>();
            spec.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                    method -> described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            Set<String> served = new TreeSet<>();
            triage.api().routes().forEach(route -> served.add(route.method() + " " + route.path()));

            assertThat(spec.path("openapi").asText()).startsWith("3.");
            assertThat(described).isEqualTo(served);
        }
    }
}
