package dev.triage.bot.chat.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import dev.triage.bot.BotException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's Socket Mode: Triage dials out to Slack over a WebSocket and receives the same events, button clicks, slash
 * commands and modal submissions as on the HTTP endpoint, answered by the same Bolt app and handlers; each envelope
 * is acknowledged on the socket with its {@code envelope_id}.
 *
 * <p>Envelopes carry no signature. Their trust comes from the connection: Triage asks {@code apps.connections.open}
 * for the socket's address with the app-level token, over TLS to Slack, and the WebSocket is TLS too
 * ({@code wss://}, host name checked by the client). The HTTP endpoint is unaffected: Triage's own signature check
 * runs on every HTTP request before Bolt sees it ({@link SlackAdapter}), whether or not a socket is open.
 *
 * <p>Bolt's client reconnects by itself: on Slack's {@code disconnect} message (it asks for a fresh address and
 * switches to it) and when a ping every few seconds goes unanswered.
 */
final class SlackSocketMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);

    private final SocketModeApp socket;

    SlackSocketMode(String appToken, App app) {
        try {
            // Java-WebSocket rather than Bolt's default Tyrus: one small jar, no javax.websocket container.
            this.socket = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
        } catch (java.io.IOException e) {
            throw new BotException("Slack Socket Mode could not be set up: " + e.getMessage(), e);
        }
    }

    /**
     * Opens the connection, or throws saying why: a refused app token, or Slack out of reach (Bolt logs the details and
     * then has no client, which is the null it trips over).
     */
    void connect() {
        try {
            socket.startAsync();
        } catch (Exception e) {
            throw new BotException("Slack Socket Mode could not connect (is SLACK_APP_TOKEN the app-level"
                    + " token with connections:write, and is Slack reachable?): " + e, e);
        }
        LOG.info("slack: connected over Socket Mode");
    }

    @Override
    public void close() {
        // SocketModeApp.close() only disconnects; the client's own close also stops its polling threads.
        SocketModeClient client = socket.getClient();
        try {
            socket.close();
            if (client != null) {
                client.close();
            }
        } catch (Exception e) {
            LOG.debug("closing the Socket Mode connection failed: {}", e);
        }
    }
}
