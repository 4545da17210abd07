package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.TeamsSettings;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Triage's real server on loopback with Teams switched on, its login endpoints pointed at a
 * {@link BotFrameworkStandIn} and the activities' service URL at a {@link ConnectorStandIn}; and activities built
 * the way Teams sends them.
 */
final class TeamsHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final BotFrameworkStandIn login;
    final ConnectorStandIn connector;
    final BotApplication app;
    final Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();

    TeamsHarness(BotConfig base, List<String> helpdesk) throws Exception {
        login = new BotFrameworkStandIn();
        connector = new ConnectorStandIn();
        app = BotApplication.create(base.withTeams(settings(login, helpdesk)));
        server = app.httpApi().create().start("127.0.0.1", 0);
    }

    /** Teams pointed at the stand-ins: the tenant allowed, http to loopback allowed for the connector. */
    static TeamsSettings settings(BotFrameworkStandIn login, List<String> helpdesk) {
        return new TeamsSettings(Optional.of(BotFrameworkStandIn.APP_ID), Optional.of(BotFrameworkStandIn.APP_PASSWORD),
                Optional.of(TeamsActivities.TENANT), login.metadataUrl(), login.tokenUrl(), List.of(), helpdesk,
                List.of("http://127.0.0.1"));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Posts an activity with {@code Authorization: Bearer token} (none when null). */
    HttpResponse<String> post(ObjectNode activity, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(TeamsAdapter.PATH)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(activity)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts an activity with a valid token for its service URL. */
    HttpResponse<String> post(ObjectNode activity) throws Exception {
        return post(activity, login.token(activity.path("serviceUrl").asText()));
    }

    /** A channel post that @-mentions Triage, to this harness's connector. */
    ObjectNode mention(String id, String user, String text) {
        return TeamsActivities.mention(connector.serviceUrl(), id, user, text);
    }

    /** A message in the user's 1:1 chat with Triage, to this harness's connector. */
    ObjectNode personal(String id, String user, String text) {
        return TeamsActivities.personal(connector.serviceUrl(), id, user, text);
    }

    @Override
    public void close() {
        server.stop();
        app.close();
        connector.close();
        login.close();
    }
}
