package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.TeamsSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Connector's REST API, as far as Triage uses it: send an activity into a conversation (under an activity,
 * for a channel thread), replace one in place, show typing. Only {@code serviceUrl}s that arrived in validated
 * activities (and that the settings allow) are ever called: a token for Triage's app goes nowhere else. 429, 412,
 * 502 and 504 are tried again after {@code Retry-After} or an exponential backoff with jitter (the Teams rate-limit
 * guidance, learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit). A call that still fails is logged
 * and reported as empty: the conversation goes on without the one message. Called off the request threads (it may
 * sleep).
 */
final class Connector {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
    private static final int ATTEMPTS = 4;
    private static final Set<Integer> RETRIED = Set.of(429, 412, 502, 504);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_TRUSTED = 1_000;

    /** A conversation replies go into, at the service URL of the activity that named it. */
    record Conversation(String serviceUrl, String id) {
    }

    private final TeamsSettings settings;
    private final AppToken token;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Duration backoff;
    private final Set<String> trusted = ConcurrentHashMap.newKeySet();

    /** @param backoff the first wait before a retry; it doubles with each attempt, plus up to as much again */
    Connector(TeamsSettings settings, AppToken token, HttpClient http, ObjectMapper json, Duration backoff) {
        this.settings = settings;
        this.token = token;
        this.http = http;
        this.json = json;
        this.backoff = backoff;
    }

    /** Records a service URL from an activity whose token vouched for it; false when the settings forbid it. */
    boolean trust(String serviceUrl) {
        if (!settings.serviceUrlAllowed(serviceUrl)) {
            return false;
        }
        if (trusted.size() < MAX_TRUSTED || trusted.contains(serviceUrl)) {
            trusted.add(serviceUrl);
            return true;
        }
        LOG.warn("teams: more than {} service URLs seen; {} is not trusted", MAX_TRUSTED, serviceUrl);
        return false;
    }

    /** Sends an activity into the conversation, under {@code replyTo} when given; the new activity's id. */
    Optional<String> send(Conversation to, Optional<String> replyTo, ObjectNode activity) {
        String path = "v3/conversations/" + encode(to.id()) + "/activities"
                + replyTo.map(id -> "/" + encode(id)).orElse("");
        return call("POST", to.serviceUrl(), path, activity).map(body -> body.path("id").asText(""))
                .filter(id -> !id.isEmpty());
    }

    /** Replaces an activity Triage sent (the progress ladder, an answered card). */
    boolean update(Conversation in, String activityId, ObjectNode activity) {
        activity.put("id", activityId);
        return call("PUT", in.serviceUrl(), "v3/conversations/" + encode(in.id()) + "/activities/"
                + encode(activityId), activity).isPresent();
    }

    /** Shows "Triage is typing" in the conversation for a few seconds. */
    void typing(Conversation in) {
        ObjectNode typing = json.createObjectNode().put("type", "typing");
        call("POST", in.serviceUrl(), "v3/conversations/" + encode(in.id()) + "/activities", typing);
    }

    private Optional<JsonNode> call(String method, String serviceUrl, String path, ObjectNode activity) {
        if (!trusted.contains(serviceUrl)) {
            LOG.warn("teams: {} is not the service URL of a validated activity; nothing was sent", serviceUrl);
            return Optional.empty();
        }
        URI uri = URI.create(serviceUrl.endsWith("/") ? serviceUrl + path : serviceUrl + "/" + path);
        byte[] body;
        try {
            body = json.writeValueAsBytes(activity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an activity is plain JSON", e);
        }
        boolean renewed = false;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<String> bearer = token.get();
            if (bearer.isEmpty()) {
                return Optional.empty();
            }
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + bearer.get())
                        .header("Content-Type", "application/json; charset=utf-8")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                LOG.warn("teams: {} {} failed: {}", method, uri.getPath(), e);
                if (attempt == ATTEMPTS || !sleep(wait(attempt, Optional.empty()))) {
                    return Optional.empty();
                }
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Optional.of(parse(response.body()));
            }
            if (status == 401 && !renewed) {
                // The token may have been revoked or rolled early: one more try with a fresh one.
                token.forget();
                renewed = true;
                attempt--;
                continue;
            }
            if (!RETRIED.contains(status) || attempt == ATTEMPTS) {
                LOG.warn("teams: {} {} failed with HTTP {}", method, uri.getPath(), status);
                return Optional.empty();
            }
            Duration wait = wait(attempt, response.headers().firstValue("Retry-After"));
            LOG.info("teams: {} {} answered HTTP {}; trying again in {} ms", method, uri.getPath(), status,
                    wait.toMillis());
            if (!sleep(wait)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {@code Retry-After} when the connector gave one, else the backoff doubled per attempt, plus jitter. */
    Duration wait(int attempt, Optional<String> retryAfter) {
        if (retryAfter.isPresent()) {
            try {
                Duration asked = Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().strip())));
                return asked.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked;
            } catch (NumberFormatException e) {
                // An HTTP date instead of seconds: fall back to the backoff.
            }
        }
        long base = backoff.toMillis() << (attempt - 1);
        long jittered = base + ThreadLocalRandom.current().nextLong(base + 1);
        return Duration.ofMillis(Math.min(jittered, LONGEST_WAIT.toMillis()));
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** A conversation or activity id as one path segment ({@code a:1Xyz} becomes {@code a%3A1Xyz}). */
    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
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
