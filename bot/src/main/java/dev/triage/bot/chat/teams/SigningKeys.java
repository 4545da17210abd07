package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Connector's signing keys: the OpenID metadata names the JWKS, whose keys are kept for a day and fetched
 * again at once when a token names a key not seen yet (the platform rolls its keys), at most once per
 * {@code minRefresh} so tokens with made-up key ids cannot make Triage hammer the platform. Each key's
 * {@code endorsements} (the channels it may sign for) is not part of the JWK standard and dropped by nimbus's model,
 * so it is read from the raw JSON. Thread-safe.
 */
final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final Duration KEPT = Duration.ofHours(24);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int MAX_BYTES = 256 * 1024;

    /** A signing key and the channels ({@code msteams}, ...) it is endorsed for. */
    record Key(RSAPublicKey publicKey, Set<String> endorsements) {
        Key {
            endorsements = Set.copyOf(endorsements);
        }
    }

    private final URI metadata;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration minRefresh;
    private volatile Map<String, Key> keys = Map.of();
    // Read without the lock: a request with a known key never waits behind a fetch in progress.
    private volatile Instant fetched = Instant.MIN;
    private Instant lastTry = Instant.MIN;

    SigningKeys(String metadataUrl, HttpClient http, ObjectMapper json, Clock clock, Duration minRefresh) {
        this.metadata = URI.create(metadataUrl);
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.minRefresh = minRefresh;
    }

    /** The key with this id, fetching the keys first when they are old or do not have it. */
    Optional<Key> key(String kid) {
        Key known = keys.get(kid);
        Instant now = clock.instant();
        if (known != null && now.isBefore(fetched.plus(KEPT))) {
            return Optional.of(known);
        }
        refresh(now);
        return Optional.ofNullable(keys.get(kid));
    }

    /** Whether any keys could be had; when not, a token cannot be judged either way. */
    boolean available() {
        return !keys.isEmpty();
    }

    private synchronized void refresh(Instant now) {
        if (now.isBefore(lastTry.plus(minRefresh))) {
            return;
        }
        lastTry = now;
        try {
            JsonNode meta = json.readTree(get(metadata));
            String jwksUri = meta.path("jwks_uri").asText("");
            if (jwksUri.isEmpty()) {
                LOG.warn("teams: the OpenID metadata at {} names no jwks_uri", metadata);
                return;
            }
            keys = parse(get(URI.create(jwksUri)));
            fetched = now;
            LOG.info("teams: fetched {} signing keys", keys.size());
        } catch (IOException | RuntimeException e) {
            LOG.warn("teams: the signing keys could not be fetched: {}", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The RSA keys of a JWKS, each with its endorsements; keys of other types are skipped. */
    Map<String, Key> parse(String jwks) throws IOException {
        Map<String, Key> parsed = new HashMap<>();
        for (JsonNode raw : json.readTree(jwks).path("keys")) {
            try {
                JWK jwk = JWK.parse(json.writeValueAsString(raw));
                if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
                    Set<String> endorsements = new HashSet<>();
                    raw.path("endorsements").forEach(e -> endorsements.add(e.asText()));
                    parsed.put(jwk.getKeyID(), new Key(rsa.toRSAPublicKey(), endorsements));
                }
            } catch (ParseException | JOSEException e) {
                LOG.debug("teams: a JWKS entry was skipped: {}", e);
            }
        }
        return Map.copyOf(parsed);
    }

    private String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered HTTP " + response.statusCode());
        }
        if (response.body().length > MAX_BYTES) {
            throw new IOException(uri + " answered more than " + MAX_BYTES + " bytes");
        }
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
