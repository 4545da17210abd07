package dev.triage.bot.chat.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A stand-in for Slack's Web API on loopback: records every method call with its form fields and answers
 * {@code {"ok":true,"ts":...}} (auth.test with the bot's identity, apps.connections.open with a Socket Mode
 * address, conversations.info with whether the channel is private: {@code C…} ids are public unless
 * {@link #membersOnly(String)} says otherwise). It can answer a method with HTTP 429 a number of times first, as Slack
 * does when a channel is written to too fast.
 */
final class SlackStandIn implements AutoCloseable {
    static final String TEAM = "T0TEAM";
    static final String BOT_USER = "U0BOT";
    /** The app-level token apps.connections.open accepts; any other token gets {@code invalid_auth}. */
    static final String APP_TOKEN = "xapp-1-A1-1-test";

    /**
     * One Web API call: the method ({@code chat.postMessage}), its form fields, its Authorization header, and the
     * {@code ts} the stand-in answered with (empty for auth.test and refused calls).
     */
    record Call(String method, Map<String, String> form, String authorization, Instant at, String ts) {
        String field(String name) {
            return form.getOrDefault(name, "");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger ts = new AtomicInteger(100);
    private final Map<String, AtomicInteger> limited = new ConcurrentHashMap<>();
    private final AtomicInteger socketsOpened = new AtomicInteger();
    private volatile IntFunction<String> socketUrl = n -> "ws://127.0.0.1:9/none";
    private final java.util.Set<String> membersOnly = ConcurrentHashMap.newKeySet();

    SlackStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The Web API prefix to configure: {@code http://127.0.0.1:PORT/api/}. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** Answers the next {@code times} calls of {@code method} with 429 and {@code Retry-After: 1}. */
    void rateLimit(String method, int times) {
        limited.put(method, new AtomicInteger(times));
    }

    /** What apps.connections.open answers: the Socket Mode address for its {@code n}th call (from 1). */
    void socketUrl(IntFunction<String> url) {
        this.socketUrl = url;
    }

    /** Makes {@code channel} a private channel with a {@code C…} id, as Slack now gives new private channels. */
    void membersOnly(String channel) {
        membersOnly.add(channel);
    }

    synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Waits for a call of {@code method} that matches; fails the test after the timeout. */
    Call await(String method, Predicate<Call> matching, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Optional<Call> found = calls(method).stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + method + " call matched within " + timeout + "; calls: " + calls());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        AtomicInteger limit = limited.get(method);
        boolean tooFast = limit != null && limit.getAndDecrement() > 0;
        String answeredTs = tooFast || method.equals("auth.test") || method.equals("apps.connections.open")
                || method.equals("conversations.info") ? ""
                : "1700000100." + String.format("%06d", ts.incrementAndGet());
        synchronized (this) {
            calls.add(new Call(method, form(body), exchange.getRequestHeaders().getFirst("Authorization"),
                    Instant.now(), answeredTs));
        }
        if (tooFast) {
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        if (method.equals("apps.connections.open")) {
            send(exchange, 200, connectionsOpen(exchange.getRequestHeaders().getFirst("Authorization")));
            return;
        }
        if (method.equals("conversations.info")) {
            send(exchange, 200, conversationsInfo(form(body).getOrDefault("channel", "")));
            return;
        }
        String json = method.equals("auth.test")
                ? "{\"ok\":true,\"url\":\"https://t.slack.com/\",\"team\":\"T\",\"user\":\"triage\",\"team_id\":\""
                        + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0BOT\"}"
                : "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"" + answeredTs + "\"}";
        send(exchange, 200, json);
    }

    /** Slack hands out a fresh WebSocket address for each connection, and only for the app-level token. */
    private String connectionsOpen(String authorization) {
        if (!("Bearer " + APP_TOKEN).equals(authorization)) {
            return "{\"ok\":false,\"error\":\"invalid_auth\"}";
        }
        return "{\"ok\":true,\"url\":\"" + socketUrl.apply(socketsOpened.incrementAndGet()) + "\"}";
    }

    private String conversationsInfo(String channel) {
        boolean hidden = !channel.startsWith("C") || membersOnly.contains(channel);
        return "{\"ok\":true,\"channel\":{\"id\":\"" + channel + "\",\"is_channel\":" + !hidden
                + ",\"is_private\":" + hidden + ",\"is_im\":" + channel.startsWith("D") + "}}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
