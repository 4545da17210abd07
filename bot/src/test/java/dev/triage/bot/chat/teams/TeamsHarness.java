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
    static final String TENANT = "72f988bf-0000-4000-8000-0000000000aa";
    static final String TEAM = "19:team-general@thread.tacv2";
    static final String CHANNEL = "19:team-general@thread.tacv2";
    static final String BOT = "28:" + BotFrameworkStandIn.APP_ID;

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
                Optional.of(TENANT), login.metadataUrl(), login.tokenUrl(), List.of(), helpdesk,
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

    /** A channel post that @-mentions Triage: a new thread whose root is the post itself. */
    ObjectNode mention(String id, String user, String text) {
        return mentionInThread(id, id, user, text);
    }

    /** A post in the thread {@code root} that @-mentions Triage. */
    ObjectNode mentionInThread(String id, String root, String user, String text) {
        ObjectNode a = activity(id, user, CHANNEL + ";messageid=" + root, "channel");
        a.put("text", "<at>Triage</at> " + text);
        ObjectNode mention = a.putArray("entities").addObject().put("type", "mention").put("text", "<at>Triage</at>");
        mention.putObject("mentioned").put("id", BOT).put("name", "Triage");
        ObjectNode channelData = (ObjectNode) a.path("channelData");
        channelData.putObject("team").put("id", TEAM);
        channelData.putObject("channel").put("id", CHANNEL);
        return a;
    }

    /** A message in the user's 1:1 chat with Triage. */
    ObjectNode personal(String id, String user, String text) {
        ObjectNode a = activity(id, user, "a:1" + user + "-chat-with-triage", "personal");
        a.put("text", text);
        return a;
    }

    /** A click on an Adaptive Card's Action.Submit: a message activity with the action's data as its value. */
    static ObjectNode submit(ObjectNode original, String id, String user, String cardActivityId, ObjectNode data) {
        ObjectNode a = original.deepCopy();
        a.put("id", id).put("replyToId", cardActivityId);
        a.remove("text");
        a.remove("entities");
        ((ObjectNode) a.path("from")).put("id", "29:" + user).put("aadObjectId", user).put("name", "Name of " + user);
        a.set("value", data);
        return a;
    }

    private ObjectNode activity(String id, String user, String conversationId, String type) {
        ObjectNode a = JSON.createObjectNode().put("type", "message").put("id", id).put("channelId", "msteams")
                .put("serviceUrl", connector.serviceUrl()).put("timestamp", "2026-12-06T10:00:00.000Z")
                .put("locale", "en-US");
        a.putObject("from").put("id", "29:" + user).put("aadObjectId", user).put("name", "Name of " + user);
        a.putObject("recipient").put("id", BOT).put("name", "Triage");
        a.putObject("conversation").put("id", conversationId).put("conversationType", type).put("tenantId", TENANT)
                .put("isGroup", !type.equals("personal"));
        a.putObject("channelData").putObject("tenant").put("id", TENANT);
        return a;
    }

    @Override
    public void close() {
        server.stop();
        app.close();
        connector.close();
        login.close();
    }
}
