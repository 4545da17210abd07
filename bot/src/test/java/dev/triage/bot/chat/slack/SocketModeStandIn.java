package dev.triage.bot.chat.slack;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Slack's Socket Mode server: a WebSocket on loopback that greets each connection with {@code hello}
 * as Slack does, records what the client sends back (the acknowledgements), and sends envelopes or a
 * {@code disconnect} on the newest open connection. Its address is what {@link SlackStandIn} hands out from
 * apps.connections.open, one per connection, numbered.
 */
final class SocketModeStandIn implements AutoCloseable {
    private static final String HELLO = "{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":"
            + "\"applink-stand-in\",\"build_number\":1,\"approximate_connection_time\":18060},"
            + "\"connection_info\":{\"app_id\":\"A1\"}}";

    /** One WebSocket connection: the {@code n} of the address it dialled, and its session. */
    record Connection(String n, WsContext session) {
    }

    private final Javalin server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    SocketModeStandIn() {
        server = Javalin.create(config -> config.showJavalinBanner = false).ws("/link", ws -> {
            ws.onConnect(ctx -> {
                connections.add(new Connection(ctx.queryParam("n"), ctx));
                ctx.send(HELLO);
            });
            ws.onMessage(ctx -> received.add(SlackHarness.JSON.readTree(ctx.message())));
        }).start("127.0.0.1", 0);
    }

    /** The address of the {@code n}th connection. */
    String url(int n) {
        return "ws://127.0.0.1:" + server.port() + "/link?n=" + n;
    }

    List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Sends an {@code events_api} envelope around an Events API payload. */
    void sendEvent(String envelopeId, String eventCallback, int retryAttempt) throws Exception {
        send(envelope(envelopeId, "events_api", eventCallback, retryAttempt));
    }

    /** Sends an envelope of {@code type} ({@code slash_commands}, {@code interactive}) around {@code payload}. */
    void sendEnvelope(String envelopeId, String type, String payload) throws Exception {
        send(envelope(envelopeId, type, payload, 0));
    }

    /** Asks the client to move to a new connection, as Slack does before it recycles a server. */
    void sendDisconnect() {
        send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":"
                + "\"applink-stand-in\"}}");
    }

    /** Waits for the client's acknowledgement of an envelope; fails the test after the timeout. */
    JsonNode awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Optional<JsonNode> ack = received.stream()
                    .filter(m -> m.path("envelope_id").asText().equals(envelopeId)).findFirst();
            if (ack.isPresent()) {
                return ack.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no acknowledgement of " + envelopeId + " within " + timeout + "; got " + received);
    }

    /** Waits until {@code count} connections were opened; fails the test after the timeout. */
    void awaitConnections(int count, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (connections.size() < count && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        if (connections.size() < count) {
            throw new AssertionError("only " + connections.size() + " of " + count + " connections were opened");
        }
    }

    /** Waits until the client has closed {@code connection}; fails the test after the timeout. */
    void awaitClosed(Connection connection, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (connection.session().session.isOpen() && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        if (connection.session().session.isOpen()) {
            throw new AssertionError("connection " + connection.n() + " is still open after " + timeout);
        }
    }

    private void send(String message) {
        for (int i = connections.size() - 1; i >= 0; i--) {
            WsContext session = connections.get(i).session();
            if (session.session.isOpen()) {
                session.send(message);
                return;
            }
        }
        throw new AssertionError("no open Socket Mode connection to send on");
    }

    private static String envelope(String envelopeId, String type, String payload, int retryAttempt)
            throws Exception {
        return SlackHarness.JSON.writeValueAsString(Map.of("envelope_id", envelopeId, "type", type,
                "accepts_response_payload", !type.equals("events_api"), "retry_attempt", retryAttempt,
                "retry_reason", retryAttempt == 0 ? "" : "timeout", "payload", SlackHarness.JSON.readTree(payload)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
