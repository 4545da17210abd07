package dev.triage.bot.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An endpoint a chat platform calls (Slack's events, Discord's interactions). The HTTP server hands it the raw
 * request and sends back what it answers; the endpoint authenticates the request itself (by the platform's
 * signature), so the server's own access credentials are not asked of these paths.
 */
public interface Webhook {

    /** The path it answers POST requests on, such as {@code /slack/events}. */
    String path();

    /** Answers one request; called on a request thread, so it must answer within the platform's deadline. */
    Response handle(Request request);

    /**
     * A request as received.
     *
     * @param headers header names in lower case, each with its values
     * @param body    the raw body, exactly the bytes a signature covers
     * @param remoteAddress the client's address
     */
    record Request(Map<String, List<String>> headers, byte[] body, String remoteAddress) {
        public Request {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(remoteAddress, "remoteAddress");
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /** What to send back: status, content type, body and extra headers. */
    record Response(int status, String contentType, String body, Map<String, List<String>> headers) {
        public Response {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }

        public static Response json(int status, String body) {
            return new Response(status, "application/json; charset=utf-8", body, Map.of());
        }
    }
}
