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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Discord's HTTP API ({@code /api/v10}) on loopback, for both of Triage's modes. The interaction
 * webhooks need no token, as on Discord: interaction callbacks, edits of an interaction's {@code @original} (the same
 * message id for every edit through one token, so a click can be tied to the message it was on) and follow-up
 * messages. Everything else needs {@code Authorization: Bot <token>} (401 otherwise): who the bot is, where the
 * gateway is, registering a command, opening a direct message, starting a thread on a message, posting and editing
 * messages. Messages are answered as Discord answers them (the sent fields plus id, channel, author, timestamp), so
 * JDA can build its entities from them. Records every call; can answer the next calls with HTTP 429 and a
 * {@code retry_after}.
 */
public final class DiscordStandIn implements AutoCloseable {
    public static final String APP = "1100000000000000001";
    /** The bot user's id, which for an application's bot is the application's id. */
    public static final String BOT = APP;
    public static final String BOT_TOKEN = "bot-token-for-tests";
    /** The channel interaction messages are answered as being in (the harness's and the fake gateway's one). */
    static final String CHANNEL = FakeGateway.CHANNEL;
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern THREAD = Pattern.compile("/channels/(\\d+)/messages/(\\d+)/threads");
    private static final Pattern MESSAGES = Pattern.compile("/channels/(\\d+)/messages(?:/(\\d+))?");
    private static final Pattern COMMANDS = Pattern.compile("/applications/" + APP + "(?:/guilds/\\d+)?/commands");
    private static final Pattern ORIGINAL = Pattern.compile("/webhooks/" + APP + "/([^/]+)/messages/@original");
    private static final Pattern FOLLOW_UP = Pattern.compile("/webhooks/" + APP + "/([^/]+)");

    /**
     * One call: method, path below {@code /api/v10}, JSON body, Authorization header, the id of the message, thread
     * or channel the stand-in answered with (empty for other calls), and when it came.
     */
    public record Call(String method, String path, JsonNode body, String authorization, String answeredId,
            Instant at) {
        public String content() {
            return body.path("content").asText();
        }

        /** Content, embeds and buttons as one string, for "does it show X" checks. */
        public String shown() {
            return body.toString();
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, String> originals = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_400_000_000_000_000_000L);
    private final AtomicInteger limited = new AtomicInteger();
    private final Set<String> refusing = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedChannels = ConcurrentHashMap.newKeySet();
    private volatile Supplier<String> gatewayUrl = () -> "ws://127.0.0.1:9/";

    public DiscordStandIn() throws IOException {
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

    /** Answers the next {@code times} calls with 429 and {@code retry_after: 0.4}. */
    public void rateLimit(int times) {
        limited.set(times);
    }

    /**
     * {@code user} takes no direct messages from server members: sending into a direct message with them fails as
     * Discord fails it (403, code 50007).
     */
    public void refuseDirectMessages(String user) {
        refusing.add(user);
    }

    /** The id of the message a token's {@code @original} was answered with. */
    public String messageIdOf(String token) {
        return originals.get(token);
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The edits of one interaction's {@code @original}, in order. */
    public synchronized List<Call> edits(String token) {
        return calls.stream().filter(c -> c.method().equals("PATCH") && ORIGINAL.matcher(c.path()).matches()
                && c.path().contains("/" + token + "/")).toList();
    }

    /** The follow-up messages sent with one interaction's token, in order. */
    public synchronized List<Call> followUps(String token) {
        return calls.stream().filter(c -> c.method().equals("POST") && c.path().equals("/webhooks/" + APP + "/"
                + token)).toList();
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
        boolean limitedNow = limited.getAndDecrement() > 0;
        Reply reply = limitedNow ? Reply.RATE_LIMITED : reply(method, path, body, authorization.equals("Bot "
                + BOT_TOKEN));
        synchronized (this) {
            calls.add(new Call(method, path, body, authorization, reply.json().path("id").asText(""),
                    Instant.now()));
        }
        send(exchange, reply.status(), reply.status() == 204 ? "" : reply.json().toString());
    }

    private record Reply(int status, JsonNode json) {
        static final Reply RATE_LIMITED = new Reply(429, JSON.createObjectNode()
                .put("message", "You are being rate limited.").put("retry_after", 0.4).put("global", false));

        static Reply error(int status, String message) {
            return new Reply(status, JSON.createObjectNode().put("message", message).put("code", 0));
        }
    }

    private Reply reply(String method, String path, JsonNode body, boolean bot) {
        if (path.startsWith("/interactions/") && path.endsWith("/callback") && method.equals("POST")) {
            return new Reply(204, JSON.createObjectNode());
        } else if (path.startsWith("/webhooks/" + APP + "/")) {
            return webhook(method, path, body);
        } else if (!bot) {
            return Reply.error(401, "401: Unauthorized");
        }
        Matcher thread = THREAD.matcher(path);
        Matcher messages = MESSAGES.matcher(path);
        if (path.equals("/users/@me") && method.equals("GET")) {
            return new Reply(200, botUser());
        } else if (path.equals("/users/@me/channels") && method.equals("POST")) {
            return new Reply(200, directChannel(body.path("recipient_id").asText()));
        } else if (messages.matches() && refusedChannels.contains(messages.group(1))) {
            return new Reply(403, JSON.createObjectNode().put("message", "Cannot send messages to this user")
                    .put("code", 50007));
        } else if (path.equals("/gateway/bot") && method.equals("GET")) {
            ObjectNode gateway = JSON.createObjectNode().put("url", gatewayUrl.get()).put("shards", 1);
            gateway.putObject("session_start_limit").put("total", 1000).put("remaining", 999)
                    .put("reset_after", 0).put("max_concurrency", 1);
            return new Reply(200, gateway);
        } else if (COMMANDS.matcher(path).matches() && method.equals("POST")) {
            return new Reply(201, ((ObjectNode) body.deepCopy()).put("id", "1200000000000000001")
                    .put("application_id", APP));
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

    /** Interaction webhooks: edits of {@code @original} keep one message id per token; a follow-up is a new one. */
    private Reply webhook(String method, String path, JsonNode body) {
        Matcher original = ORIGINAL.matcher(path);
        Matcher followUp = FOLLOW_UP.matcher(path);
        if (original.matches() && method.equals("PATCH")) {
            String id = originals.computeIfAbsent(original.group(1), t -> Long.toString(ids.incrementAndGet()));
            return new Reply(200, message(CHANNEL, body).put("id", id));
        } else if (followUp.matches() && method.equals("POST")) {
            return new Reply(200, message(CHANNEL, body).put("flags", body.path("flags").asInt(0)));
        }
        return Reply.error(404, "404: Not Found");
    }

    /** The direct message channel with a user, as Discord opens it for the bot. */
    private ObjectNode directChannel(String recipient) {
        String id = Long.toString(ids.incrementAndGet());
        if (refusing.contains(recipient)) {
            refusedChannels.add(id);
        }
        ObjectNode channel = JSON.createObjectNode().put("id", id).put("type", 1);
        channel.putArray("recipients").addObject().put("id", recipient).put("username", "user" + recipient)
                .put("discriminator", "0").putNull("avatar");
        return channel;
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
