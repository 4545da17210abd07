package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the part of Discord's HTTP API ({@code /api/v10}) a gateway bot uses, on loopback: who the bot is
 * ({@code GET /users/@me}, only with {@code Authorization: Bot <token>}), where the gateway is, starting a thread on a
 * message, posting and editing messages, interaction callbacks and edits of an interaction's {@code @original}.
 * Messages are answered as Discord answers them (the sent fields plus id, author, timestamp), so JDA can build its
 * entities from them. Records every call.
 */
public final class DiscordRestStandIn implements AutoCloseable {
    public static final String APP = "1100000000000000001";
    public static final String BOT = "1100000000000000001";
    public static final String BOT_TOKEN = "bot-token-for-gateway-tests";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THREAD = Pattern.compile("/channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern MESSAGES = Pattern.compile("/channels/(\\d+)/messages(?:/(\\d+))?");

    /**
     * One call: method, path below {@code /api/v10}, JSON body, Authorization header, and the id of the message or
     * thread the stand-in answered with (empty for other calls).
     */
    public record Call(String method, String path, JsonNode body, String authorization, String answeredId) {
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_400_000_000_000_000_000L);
    private volatile Supplier<String> gatewayUrl = () -> "ws://127.0.0.1:9/";

    public DiscordRestStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v10/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The API base to configure as {@code DISCORD_API_URL}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10";
    }

    /** What {@code GET /gateway/bot} answers. */
    public void gatewayUrl(Supplier<String> url) {
        this.gatewayUrl = url;
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits for a call that matches; fails the test after the timeout. */
    public Call await(Predicate<Call> matching, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Optional<Call> found = calls().stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no call matched within " + timeout + "; calls: " + calls());
    }

    /** The bot's user, as {@code GET /users/@me} and READY give it. */
    public static ObjectNode botUser() {
        return JSON.createObjectNode().put("id", BOT).put("username", "Triage").put("discriminator", "0000")
                .putNull("avatar").put("bot", true).put("verified", true).put("mfa_enabled", false).put("flags", 0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring("/api/v10".length());
        String method = exchange.getRequestMethod();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String authorization = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        Reply reply = reply(method, path, body, authorization.equals("Bot " + BOT_TOKEN));
        synchronized (this) {
            calls.add(new Call(method, path, body, authorization, reply.json().path("id").asText("")));
        }
        send(exchange, reply.status(), reply.status() == 204 ? "" : reply.json().toString());
    }

    private record Reply(int status, JsonNode json) {
        static Reply error(int status, String message) {
            return new Reply(status, JSON.createObjectNode().put("message", message).put("code", 0));
        }
    }

    private Reply reply(String method, String path, JsonNode body, boolean bot) {
        Matcher thread = THREAD.matcher(path);
        Matcher messages = MESSAGES.matcher(path);
        if (path.startsWith("/interactions/") && path.endsWith("/callback") && method.equals("POST")) {
            return new Reply(204, JSON.createObjectNode());
        } else if (path.startsWith("/webhooks/" + APP + "/") && method.equals("PATCH")) {
            return new Reply(200, message("1", body));
        } else if (!bot) {
            return Reply.error(401, "401: Unauthorized");
        } else if (path.equals("/users/@me") && method.equals("GET")) {
            return new Reply(200, botUser());
        } else if (path.equals("/gateway/bot") && method.equals("GET")) {
            ObjectNode gateway = JSON.createObjectNode().put("url", gatewayUrl.get()).put("shards", 1);
            gateway.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                    .put("reset_after", 0).put("max_concurrency", 1);
            return new Reply(200, gateway);
        } else if (thread.matches() && method.equals("POST")) {
            return new Reply(201, thread(thread.group(1), thread.group(2), body.path("name").asText()));
        } else if (messages.matches() && (method.equals("POST") || method.equals("PATCH"))) {
            ObjectNode message = message(messages.group(1), body);
            if (messages.group(2) != null) {
                message.put("id", messages.group(2)).put("edited_timestamp", Instant.now().toString());
            }
            return new Reply(200, message);
        }
        return Reply.error(404, "404: Not Found");
    }

    /** A public thread started on a message: Discord gives it the message's id. */
    private ObjectNode thread(String parent, String messageId, String name) {
        ObjectNode thread = JSON.createObjectNode().put("id", messageId).put("type", 11)
                .put("guild_id", FakeGateway.GUILD).put("parent_id", parent).put("owner_id", BOT).put("name", name)
                .put("member_count", 1).put("message_count", 0).put("total_message_sent", 0)
                .put("rate_limit_per_user", 0).put("flags", 0).putNull("last_message_id");
        thread.putObject("thread_metadata").put("archived", false).put("auto_archive_duration", 1440)
                .put("archive_timestamp", Instant.now().toString()).put("locked", false).put("invitable", true)
                .put("create_timestamp", Instant.now().toString());
        thread.put("position", 0);
        return thread;
    }

    private ObjectNode message(String channel, JsonNode sent) {
        ObjectNode message = JSON.createObjectNode().put("id", Long.toString(ids.incrementAndGet()))
                .put("channel_id", channel).put("type", 0).put("content", sent.path("content").asText(""))
                .put("timestamp", Instant.now().toString()).putNull("edited_timestamp").put("tts", false)
                .put("mention_everyone", false).put("pinned", false).put("flags", 0);
        message.set("author", botUser());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        ArrayNode embeds = message.putArray("embeds");
        // Discord answers every embed a bot sends as a "rich" one.
        sent.path("embeds").forEach(e -> embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich")));
        message.set("components", sent.path("components").isArray() ? sent.path("components")
                : JSON.createArrayNode());
        return message;
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
