package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for the Bot Connector's REST API on loopback (the far side of {@code serviceUrl}): records every call to
 * {@code /v3/conversations/...} with its raw path, Authorization header and activity, and answers with an activity
 * id. It can answer the next calls with an error status first, as the connector does when a bot writes too fast.
 */
final class ConnectorStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One call: method, raw (still encoded) path, the conversation and the activity id of the path (decoded; the
     * latter empty for a new top-level activity), the Authorization header, the activity, and the id answered.
     */
    record Call(String method, String rawPath, String conversation, String activityId, String authorization,
            JsonNode activity, Instant at, String answeredId) {
        String type() {
            return activity.path("type").asText();
        }

        String text() {
            return activity.path("text").asText();
        }

        /** The Adaptive Card of the activity, or a missing node. */
        JsonNode card() {
            return activity.path("attachments").path(0).path("content");
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int failureStatus;
    private volatile String failingConversation = "";

    ConnectorStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v3/conversations/", this::answer);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The service URL an activity names, as Teams writes it (with a trailing slash). */
    String serviceUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /**
     * Answers the next {@code times} calls in {@code conversation} with {@code status} (and {@code Retry-After: 1}
     * for a 429). Only that conversation's: an earlier test's late edits must not take the failures.
     */
    void fail(int status, int times, String conversation) {
        failureStatus = status;
        failingConversation = conversation;
        failures.set(times);
    }

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(Predicate<Call> matching) {
        return calls().stream().filter(matching).toList();
    }

    /** Waits for a call that matches; fails the test after the timeout. */
    Call await(Predicate<Call> matching, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Optional<Call> found = calls(matching).stream().findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no connector call matched within " + timeout + "; calls: " + calls());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String raw = exchange.getRequestURI().getRawPath();
        String[] parts = raw.substring("/v3/conversations/".length()).split("/");
        String conversation = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        String activityId = parts.length > 2 ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : "";
        JsonNode activity = JSON.readTree(exchange.getRequestBody().readAllBytes());
        boolean failing = conversation.equals(failingConversation) && failures.getAndDecrement() > 0;
        String method = exchange.getRequestMethod();
        String answered = failing ? "" : method.equals("PUT") ? activityId : "activity-" + ids.incrementAndGet();
        synchronized (this) {
            calls.add(new Call(method, raw, conversation, activityId,
                    String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")), activity, Instant.now(),
                    answered));
        }
        if (failing) {
            if (failureStatus == 429) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            BotFrameworkStandIn.send(exchange, failureStatus, "{\"error\":{\"code\":\"Throttled\"}}");
            return;
        }
        BotFrameworkStandIn.send(exchange, method.equals("POST") ? 201 : 200, "{\"id\":\"" + answered + "\"}");
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
