package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Discord HTTP API calls Triage makes, with Discord's rate limits honoured: a 429 is tried again after its
 * {@code retry_after} (seconds, in the JSON body; {@code Retry-After} otherwise), a few times. Failures are values:
 * a conversation goes on without one edit rather than failing. Called off the request threads (it may sleep). The bot
 * token is sent only to the application's own endpoints and never logged; interaction webhooks need none.
 */
final class DiscordApi {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordApi.class);
    private static final int ATTEMPTS = 4;
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    // Discord asks bots to identify themselves this way (Reference, "User Agent").
    private static final String USER_AGENT = "DiscordBot (https://github.com/triage-bot/triage, 0.1)";

    private final HttpClient http;
    private final ObjectMapper json;
    private final String apiUrl;
    private final String applicationId;
    private final Optional<String> botToken;

    DiscordApi(HttpClient http, ObjectMapper json, String apiUrl, String applicationId, Optional<String> botToken) {
        this.http = http;
        this.json = json;
        this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
        this.applicationId = applicationId;
        this.botToken = botToken;
    }

    /** What came of a call: Discord's answer, or why there is none. */
    sealed interface Result {
        record Done(JsonNode body) implements Result {
        }

        record Failed(int status, String reason) implements Result {
        }
    }

    /** Edits the interaction's first response (the deferred one); the message's id when it worked. */
    Optional<String> editOriginal(String interactionToken, JsonNode message) {
        Result result = send("PATCH", "/webhooks/" + applicationId + "/" + interactionToken + "/messages/@original",
                "edit @original", message, false);
        return result instanceof Result.Done done ? Optional.of(done.body().path("id").asText())
                .filter(id -> !id.isEmpty()) : Optional.empty();
    }

    /**
     * Sends a follow-up message with the interaction's token ({@code POST /webhooks/{app}/{token}}). Sent before
     * {@code @original} was edited, Discord would take it as that edit and ignore its flags, so callers send one only
     * after an edit of {@code @original} was taken.
     */
    Result followUp(String interactionToken, JsonNode message) {
        return send("POST", "/webhooks/" + applicationId + "/" + interactionToken, "follow-up", message, false);
    }

    /**
     * Answers an interaction that arrived over the gateway ({@code POST /interactions/{id}/{token}/callback}); over
     * HTTP the same response is the body of Discord's request instead.
     */
    Result respond(String interactionId, String interactionToken, JsonNode response) {
        return send("POST", "/interactions/" + interactionId + "/" + interactionToken + "/callback",
                "interaction callback", response, false);
    }

    /** The gateway's address ({@code GET /gateway/bot}), which Discord asks bots to fetch rather than hard-code. */
    Optional<String> gatewayUrl() {
        Result result = send("GET", "/gateway/bot", "get gateway", null, true);
        return result instanceof Result.Done done ? Optional.of(done.body().path("url").asText(""))
                .filter(url -> url.startsWith("wss://") || url.startsWith("ws://")) : Optional.empty();
    }

    /** Creates or replaces a slash command, in one server or (with no guild) everywhere the app is installed. */
    Result upsertCommand(Optional<String> guild, JsonNode command) {
        String path = "/applications/" + applicationId + guild.map(g -> "/guilds/" + g).orElse("") + "/commands";
        return send("POST", path, "upsert command", command, true);
    }

    /**
     * @param what names the call in logs; the path is not logged, since an interaction token is a credential
     * @param body the JSON sent, or null for none
     */
    private Result send(String method, String path, String what, JsonNode body, boolean authorised) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path)).timeout(TIMEOUT)
                .header("User-Agent", USER_AGENT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        if (authorised) {
            if (botToken.isEmpty()) {
                return new Result.Failed(0, "DISCORD_BOT_TOKEN is not set");
            }
            request.header("Authorization", "Bot " + botToken.get());
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                LOG.warn("discord {} failed: {}", what, e);
                return new Result.Failed(0, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result.Failed(0, "interrupted");
            }
            if (response.statusCode() / 100 == 2) {
                return new Result.Done(parse(response.body()));
            }
            if (response.statusCode() != 429 || attempt == ATTEMPTS) {
                LOG.warn("discord {} failed with HTTP {}", what, response.statusCode());
                return new Result.Failed(response.statusCode(), parse(response.body()).path("message").asText(
                        "HTTP " + response.statusCode()));
            }
            Duration wait = retryAfter(parse(response.body()), response.headers().firstValue("Retry-After"));
            LOG.info("discord {} is rate limited; trying again in {} ms", what, wait.toMillis());
            if (!sleep(wait)) {
                return new Result.Failed(429, "interrupted while waiting out a rate limit");
            }
        }
        return new Result.Failed(429, "rate limited");
    }

    /** Discord's {@code retry_after} is in seconds with a fraction; a wait is at least 100 ms and at most 30 s. */
    static Duration retryAfter(JsonNode body, Optional<String> header) {
        double seconds = body.path("retry_after").asDouble(-1);
        if (seconds < 0) {
            try {
                seconds = header.map(h -> Double.parseDouble(h.strip())).orElse(1.0);
            } catch (NumberFormatException e) {
                seconds = 1;
            }
        }
        long millis = Math.round(seconds * 1000);
        return Duration.ofMillis(Math.min(LONGEST_WAIT.toMillis(), Math.max(100, millis)));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private static boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
