package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own token for calling the Bot Connector: OAuth 2.0 client credentials against the configured token URL
 * (the tenant's for a single-tenant bot, {@code botframework.com} for a multi-tenant one) with the scope
 * {@value #SCOPE}. Kept until five minutes before it expires. The secret and the token are never logged.
 * Thread-safe.
 */
final class AppToken {
    static final String SCOPE = "https://api.botframework.com/.default";
    private static final Logger LOG = LoggerFactory.getLogger(AppToken.class);
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI tokenUrl;
    private final String appId;
    private final String password;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    AppToken(String tokenUrl, String appId, String password, HttpClient http, ObjectMapper json, Clock clock) {
        this.tokenUrl = URI.create(tokenUrl);
        this.appId = appId;
        this.password = password;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** A token valid for a while yet, requested when there is none; empty when the token endpoint refuses. */
    synchronized Optional<String> get() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return Optional.of(token);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.warn("teams: the token endpoint answered HTTP {}", response.statusCode());
                return Optional.empty();
            }
            JsonNode body = json.readTree(response.body());
            String fresh = body.path("access_token").asText("");
            if (fresh.isEmpty()) {
                LOG.warn("teams: the token endpoint answered without an access_token");
                return Optional.empty();
            }
            Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(3600));
            Duration kept = lifetime.compareTo(MARGIN.multipliedBy(2)) > 0 ? lifetime.minus(MARGIN)
                    : lifetime.dividedBy(2);
            token = fresh;
            renewAt = now.plus(kept);
            return Optional.of(token);
        } catch (IOException e) {
            LOG.warn("teams: the token could not be fetched: {}", e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Forgets the token (the connector refused it), so the next call asks for a new one. */
    synchronized void forget() {
        token = null;
    }

    private String form() {
        return "grant_type=client_credentials&client_id=" + encode(appId) + "&client_secret=" + encode(password)
                + "&scope=" + encode(SCOPE);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
