package dev.triage.bot.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.TicketSettings;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The whole bot on port 0 with the given ticket settings, and the REST calls the ticket tests make. */
final class TicketHarness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Error text with a code, plus everything that would become live markup somewhere if it were not neutralised. */
    static final String HOSTILE_PASTE = """
            Remote Desktop can't connect to the remote computer. Error code: 0x904, extended error code: 0x7
            [x](javascript:alert(1)) @here ![i](http://x/i.png) <script>alert(1)</script>""";
    static final List<String> HOSTILE = List.of("[x](javascript:alert(1))", "@here", "![i](http://x/i.png)",
            "<script>");

    private final BotApplication app;
    private final Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();

    TicketHarness(Path data, TicketSettings tickets) {
        app = BotApplication.create(BotConfig.defaults().withDataDir(data).withTickets(tickets));
        server = app.httpApi().create().start(0);
    }

    String base() {
        return "http://localhost:" + server.port();
    }

    /** Opens a case with the hostile paste and returns its id. */
    String openCase() throws Exception {
        JsonNode reply = JSON.readTree(post("/api/cases", Map.of("text", HOSTILE_PASTE)).body());
        return reply.path("case").asText();
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String caseId, Map<String, String> body) throws Exception {
        return post("/api/cases/" + caseId + "/tickets", body);
    }

    /** The case's stored facts as {@code GET /api/cases/{id}} lists them. */
    JsonNode facts(String caseId) throws Exception {
        return JSON.readTree(get("/api/cases/" + caseId).body()).path("facts");
    }

    /** Every text node of an ADF document with the type of the node that holds it: {@code codeBlock: ...}. */
    static List<String> adfTexts(JsonNode node, String parent) {
        List<String> out = new ArrayList<>();
        if (node.path("type").asText().equals("text")) {
            out.add(parent + ": " + node.path("text").asText());
        }
        for (JsonNode child : node.path("content")) {
            out.addAll(adfTexts(child, node.path("type").asText()));
        }
        return out;
    }

    /** Every mark in an ADF document. */
    static List<JsonNode> adfMarks(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.path("marks").forEach(out::add);
        node.path("content").forEach(child -> out.addAll(adfMarks(child)));
        return out;
    }

    BotApplication app() {
        return app;
    }

    @Override
    public void close() {
        server.stop();
        app.close();
    }
}
