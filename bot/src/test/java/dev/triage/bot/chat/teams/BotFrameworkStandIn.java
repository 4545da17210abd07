package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A stand-in for the Bot Framework's login service on loopback: the OpenID metadata, the JWKS (with the
 * {@code endorsements} Microsoft adds to each key) and the client-credentials token endpoint. It holds the private
 * keys, so a test can mint tokens exactly as the Bot Connector signs them, or spoil one property at a time.
 */
final class BotFrameworkStandIn implements AutoCloseable {
    static final String APP_ID = "6a1b3c5d-0000-4000-8000-00000000a11d";
    static final String APP_PASSWORD = "not-a-real-secret~123";
    static final String ISSUER = "https://api.botframework.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    // Generating 2048-bit keys takes a while on a busy machine: one pair per test JVM is enough.
    private static final RSAKey TEAMS_KEY = rsa("teams-key-1");
    private static final RSAKey WEBCHAT_KEY = rsa("webchat-key-1");
    private static final RSAKey SPARE_KEY = rsa("spare");

    /** Endorsed for msteams, like Teams' keys. */
    final RSAKey teamsKey = TEAMS_KEY;
    /** Published, but endorsed only for webchat. */
    final RSAKey webchatKey = WEBCHAT_KEY;
    private volatile List<RSAKey> published;
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final List<Map<String, String>> tokenRequests = new ArrayList<>();

    BotFrameworkStandIn() throws Exception {
        published = List.of(teamsKey, webchatKey);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/.well-known/openidconfiguration", this::metadata);
        server.createContext("/v1/.well-known/keys", this::keys);
        server.createContext("/botframework.com/oauth2/v2.0/token", this::token);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
    }

    /**
     * A key pair no stand-in publishes, under the given key id (a forged key may claim a published key's id);
     * always the same pair, generated once.
     */
    static RSAKey unpublished(String kid) {
        return new RSAKey.Builder(SPARE_KEY).keyID(kid).build();
    }

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String metadataUrl() {
        return base() + "/v1/.well-known/openidconfiguration";
    }

    String tokenUrl() {
        return base() + "/botframework.com/oauth2/v2.0/token";
    }

    /** Publishes these keys from now on (the platform rolled its keys). */
    void publish(List<RSAKey> keys) {
        published = List.copyOf(keys);
    }

    int keyFetches() {
        return keyFetches.get();
    }

    synchronized List<Map<String, String>> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** A token as the Bot Connector sends it with an activity for {@code serviceUrl}. */
    String token(String serviceUrl) {
        return token(teamsKey, claims -> claims.claim("serviceUrl", serviceUrl));
    }

    /** A token signed by {@code key} whose standard claims are edited by {@code edit}. */
    String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> edit) {
        return sign(key, edit);
    }

    /** A valid-looking token signed by any key, without a stand-in running. */
    static String tokenSignedBy(RSAKey key, String serviceUrl) {
        return sign(key, c -> c.claim("serviceUrl", serviceUrl));
    }

    private static String sign(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> edit) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(APP_ID)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(3600)));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    edit.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void metadata(HttpExchange exchange) throws IOException {
        send(exchange, 200, JSON.writeValueAsString(Map.of("issuer", ISSUER, "jwks_uri",
                base() + "/v1/.well-known/keys", "id_token_signing_alg_values_supported", List.of("RS256"))));
    }

    private void keys(HttpExchange exchange) throws IOException {
        keyFetches.incrementAndGet();
        List<Map<String, Object>> keys = new ArrayList<>();
        for (RSAKey key : published) {
            Map<String, Object> jwk = new LinkedHashMap<>(key.toPublicJWK().toJSONObject());
            jwk.put("endorsements", key == webchatKey ? List.of("webchat") : List.of("msteams", "skype"));
            keys.add(jwk);
        }
        send(exchange, 200, JSON.writeValueAsString(Map.of("keys", keys)));
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        synchronized (this) {
            tokenRequests.add(form);
        }
        boolean ok = APP_ID.equals(form.get("client_id")) && APP_PASSWORD.equals(form.get("client_secret"))
                && "client_credentials".equals(form.get("grant_type"))
                && "https://api.botframework.com/.default".equals(form.get("scope"));
        if (!ok) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        send(exchange, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                + "\"access_token\":\"bot-token-" + tokenRequests().size() + "\"}");
    }

    static void send(HttpExchange exchange, int status, String json) {
        try {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
