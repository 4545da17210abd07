package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for Discord's HTTP API on loopback ({@code /api/v10}): records every call and answers as Discord does.
 * Editing an interaction's {@code @original} returns the message with a stable id per interaction token (a click's
 * token can be tied to the message it was on); creating a command needs {@code Authorization: Bot <token>}. It can
 * answer calls with HTTP 429 and a {@code retry_after} a number of times first.
 */
final class DiscordStandIn implements AutoCloseable {
    static final String APP = "1100000000000000001";
    static final String BOT_TOKEN = "bot-token-for-tests";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One call: method, path below {@code /api/v10}, JSON body, Authorization header, when it came. */
    record Call(String method, String path, JsonNode body, String authorization, Instant at) {
        String content() {
            return body.path("content").asText();
        }

        /** Content, embeds and buttons as one string, for "does it show X" checks. */
        String shown() {
            return body.toString();
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, String> originals = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger(5000);
    private final AtomicInteger limited = new AtomicInteger();

    DiscordStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v10/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The API base to configure as {@code DISCORD_API_URL}. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10";
    }

    /** The message a token's {@code @original} is: for a click, the message the button was on. */
    void original(String token, String messageId) {
        originals.put(token, messageId);
    }

    /** The id of the message a token's {@code @original} was answered with. */
    String messageIdOf(String token) {
        return originals.get(token);
    }

    /** Answers the next {@code times} calls with 429 and {@code retry_after: 0.4}. */
    void rateLimit(int times) {
        limited.set(times);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The edits of one interaction's {@code @original}, in order. */
    synchronized List<Call> edits(String token) {
        return calls.stream().filter(c -> c.method().equals("PATCH") && c.path().contains("/" + token + "/"))
                .toList();
    }

    /** Waits for a call that matches; fails the test after the timeout. */
    Call await(Predicate<Call> matching, Duration timeout) throws InterruptedException {
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

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring("/api/v10".length());
        String method = exchange.getRequestMethod();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        synchronized (this) {
            calls.add(new Call(method, path, body, authorization == null ? "" : authorization, Instant.now()));
        }
        if (limited.getAndDecrement() > 0) {
            send(exchange, 429, "{\"message\":\"You are being rate limited.\",\"retry_after\":0.4,\"global\":false}");
            return;
        }
        String[] parts = path.split("/");
        if (method.equals("PATCH") && parts.length == 6 && parts[1].equals("webhooks") && parts[2].equals(APP)
                && parts[5].equals("@original")) {
            ObjectNode message = ((ObjectNode) body.deepCopy()).put("id", originals.computeIfAbsent(parts[3],
                    t -> String.valueOf(ids.incrementAndGet()))).put("channel_id", "C1");
            send(exchange, 200, message.toString());
        } else if (method.equals("POST") && path.startsWith("/applications/" + APP + "/")
                && path.endsWith("/commands")) {
            if (!("Bot " + BOT_TOKEN).equals(authorization)) {
                send(exchange, 401, "{\"message\":\"401: Unauthorized\",\"code\":0}");
                return;
            }
            send(exchange, 201, ((ObjectNode) body.deepCopy()).put("id", "1200000000000000001")
                    .put("application_id", APP).toString());
        } else {
            send(exchange, 404, "{\"message\":\"404: Not Found\",\"code\":0}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
