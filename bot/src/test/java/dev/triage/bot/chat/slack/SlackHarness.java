package dev.triage.bot.chat.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.SlackSettings;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Triage's real server on loopback with Slack switched on and its Web API pointed at a {@link SlackStandIn}, and a
 * client that sends requests signed the way Slack signs them.
 */
final class SlackHarness implements AutoCloseable {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final ObjectMapper JSON = new ObjectMapper();

    final SlackStandIn slack;
    final BotApplication app;
    final Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();

    SlackHarness(BotConfig base, List<String> helpdesk) throws Exception {
        slack = new SlackStandIn();
        BotConfig config = base.withSlack(new SlackSettings(Optional.of("xoxb-test"), Optional.of(SECRET),
                slack.apiUrl(), Optional.empty(), helpdesk));
        app = BotApplication.create(config);
        server = app.httpApi().create().start("127.0.0.1", 0);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** An Events API envelope around {@code event}. */
    static String envelope(String eventId, Map<String, Object> event) throws Exception {
        return JSON.writeValueAsString(Map.of("token", "unused", "team_id", SlackStandIn.TEAM, "api_app_id", "A1",
                "type", "event_callback", "event_id", eventId, "event_time", 1700000000, "event", event));
    }

    static Map<String, Object> mention(String user, String channel, String ts, String text) {
        return Map.of("type", "app_mention", "user", user, "channel", channel, "ts", ts, "event_ts", ts,
                "team", SlackStandIn.TEAM, "text", "<@" + SlackStandIn.BOT_USER + "> " + text);
    }

    /** Posts a JSON body signed now. */
    HttpResponse<String> postJson(String body) throws Exception {
        return post(body, "application/json", signed(body, Instant.now()));
    }

    /** Posts a form body ({@code payload=...} or a slash command) signed now. */
    HttpResponse<String> postForm(Map<String, String> fields) throws Exception {
        String body = form(fields);
        return post(body, "application/x-www-form-urlencoded", signed(body, Instant.now()));
    }

    HttpResponse<String> post(String body, String contentType, UnaryOperator<HttpRequest.Builder> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(SlackAdapter.PATH)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(headers.apply(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Slack's two headers for {@code body} sent at {@code at}, signed with {@code secret}. */
    static UnaryOperator<HttpRequest.Builder> signed(String body, Instant at, String secret) {
        String timestamp = Long.toString(at.getEpochSecond());
        String signature = new SlackSignature(secret, Clock.systemUTC()).sign(timestamp,
                body.getBytes(StandardCharsets.UTF_8));
        return b -> b.header("X-Slack-Request-Timestamp", timestamp).header("X-Slack-Signature", signature);
    }

    UnaryOperator<HttpRequest.Builder> signed(String body, Instant at) {
        return signed(body, at, SECRET);
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(URLEncoder.encode(k,
                StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    HttpClient http() {
        return http;
    }

    @Override
    public void close() {
        server.stop();
        app.close();
        slack.close();
    }
}
