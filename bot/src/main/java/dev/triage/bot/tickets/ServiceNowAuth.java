package dev.triage.bot.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.config.TicketSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The Authorization header of ServiceNow's API calls. Basic authentication sends the same header every time. OAuth
 * client credentials ({@code grant_type=client_credentials}, form-encoded, to {@code {SERVICENOW_URL}/oauth_token.do},
 * as ServiceNow's OAuth API documents) gives a bearer token that is kept until shortly before it expires; when
 * ServiceNow refuses a token anyway (revoked, the instance restarted), one new token is fetched and the call made
 * once more. The client secret travels only in the token request's body, which no message repeats.
 */
final class ServiceNowAuth {
    private static final String BASIC_NAMES = "SERVICENOW_USER and SERVICENOW_PASSWORD";
    private static final String OAUTH_NAMES = "SERVICENOW_CLIENT_ID and SERVICENOW_CLIENT_SECRET";
    // ServiceNow's default access-token lifespan is 30 minutes; used when the answer does not say.
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    private final TicketSettings.ServiceNow settings;
    private final Remote remote;
    private final ObjectMapper json;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ServiceNowAuth(TicketSettings.ServiceNow settings, Remote remote, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.remote = remote;
        this.json = json;
        this.clock = clock;
    }

    /** A header to send, or why there is none. */
    sealed interface Header {
        record Ready(String value) implements Header {
        }

        record Failed(TicketResult.Failed failure) implements Header {
        }
    }

    /** The settings names to check when ServiceNow refuses the credentials. */
    String credentialNames() {
        return settings.usesOAuth() ? OAUTH_NAMES : BASIC_NAMES;
    }

    synchronized Header header() {
        if (!settings.usesOAuth()) {
            return new Header.Ready(Remote.basic(settings.user(), settings.password()));
        }
        if (token == null || !clock.instant().isBefore(renewAt)) {
            Optional<TicketResult.Failed> failed = fetch();
            if (failed.isPresent()) {
                return new Header.Failed(failed.get());
            }
        }
        return new Header.Ready("Bearer " + token);
    }

    /**
     * ServiceNow answered 401 to {@code sent}: forgets that token. True when a call with a new header may succeed,
     * which is never the case for basic authentication.
     */
    synchronized boolean refused(String sent) {
        if (!settings.usesOAuth()) {
            return false;
        }
        if (token != null && sent.equals("Bearer " + token)) {
            token = null;
        }
        return true;
    }

    private Optional<TicketResult.Failed> fetch() {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(settings.clientSecret());
        Instant asked = clock.instant();
        Remote.Answer answer = remote.send(HttpRequest.newBuilder(URI.create(settings.url() + "/oauth_token.do"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (answer instanceof Remote.Answer.Unreachable unreachable) {
            return Optional.of(new TicketResult.Failed(unreachable.reason(), true));
        }
        Remote.Answer.Answered answered = (Remote.Answer.Answered) answer;
        JsonNode body = read(answered.body());
        String access = body.path("access_token").asText("");
        if (!answered.ok() || access.isBlank()) {
            String reason = answered.ok() ? "ServiceNow's token answer has no access_token"
                    : remote.failure(answered, OAUTH_NAMES) + " to the token request";
            return Optional.of(new TicketResult.Failed(reason, answered.status() >= 500));
        }
        Duration lifetime = body.path("expires_in").canConvertToLong() && body.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(body.path("expires_in").asLong()) : DEFAULT_LIFETIME;
        Duration margin = lifetime.dividedBy(10).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(10) : MAX_MARGIN;
        token = access;
        renewAt = asked.plus(lifetime).minus(margin);
        return Optional.empty();
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            return node == null ? json.missingNode() : node;
        } catch (JsonProcessingException e) {
            return json.missingNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
