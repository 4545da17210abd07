package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.store.AuditEntry;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Access credentials, the trusted proxy, identities across addresses, CSRF and the security headers, over HTTP. */
class HttpAccessTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "s3cret-token-for-tests-only";
    @TempDir
    static Path data;
    static BotApplication app;
    static Javalin server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        BotConfig config = new ConfigLoader(Map.of("TRIAGE_ACCESS_TOKEN", TOKEN,
                "TRIAGE_ACCESS_USERS", "alice:wonderland,bob:builder", "TRIAGE_TRUSTED_PROXIES", "127.0.0.1/32",
                "TRIAGE_CONFIG", "/dev/null")).load().withDataDir(data).withPort(0);
        app = BotApplication.create(config);
        server = app.httpApi().create().start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        app.close();
    }

    @Test
    void withAccessConfiguredARequestWithoutCredentialsGets401() throws Exception {
        HttpResponse<String> none = send(request("/api/cases/x").GET());
        HttpResponse<String> wrongToken = send(request("/api/cases/x").header("Authorization", "Bearer nope").GET());
        HttpResponse<String> wrongPassword = send(request("/api/cases/x").header("Authorization", basic("alice", "x"))
                .GET());

        assertThat(List.of(none, wrongToken, wrongPassword)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("needs credentials").doesNotContain(TOKEN);
        });
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Basic"));
        assertThat(send(request("/health").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenOrAUsersPasswordLetsRequestsIn() throws Exception {
        assertThat(send(request("/api/cases/nosuch").header("Authorization", "Bearer " + TOKEN).GET()).statusCode())
                .isEqualTo(404);
        assertThat(send(request("/api/cases/nosuch").header("Authorization", basic("bob", "builder")).GET())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void oneUserFromTwoAddressesSharesOneProbeBucket() throws Exception {
        // Ten runs per user: ten from one address, then one more from another address is refused.
        for (int i = 1; i <= 10; i++) {
            openCase("alice", "10.0.0.1", "mstsc /v:10.9.9." + i + " fails");
        }
        String id = openCase("alice", "10.0.0.2", "mstsc /v:10.9.9.11 fails");
        String other = openCase("bob", "10.0.0.2", "mstsc /v:10.9.9.12 fails");

        // Refused at first, then run when alice's bucket refilled (the policy then denies the unlisted address).
        List<AuditEntry> trail = app.store().auditTrail(id);
        assertThat(trail).extracting(AuditEntry::decision).containsExactly("RATE_LIMITED", "DENIED");
        assertThat(trail).allSatisfy(e -> assertThat(e.actor()).isEqualTo("api:http:user:alice"));
        assertThat(app.store().auditTrail(other)).singleElement()
                .satisfies(e -> assertThat(e.decision()).isEqualTo("DENIED"));
    }

    @Test
    void aCrossSiteBrowserRequestIsRefused() throws Exception {
        String body = "{\"text\": \"Error code: 0x904\"}";
        HttpResponse<String> crossOrigin = send(request("/api/cases").header("Authorization", "Bearer " + TOKEN)
                .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> crossSite = send(request("/api/cases").header("Authorization", "Bearer " + TOKEN)
                .header("Sec-Fetch-Site", "cross-site").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> sameOrigin = send(request("/api/cases").header("Authorization", "Bearer " + TOKEN)
                .header("Origin", "http://localhost:" + server.port()).header("Sec-Fetch-Site", "same-origin")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(crossOrigin.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(sameOrigin.statusCode()).isEqualTo(201);
    }

    @Test
    void everyResponseSaysNosniff() throws Exception {
        for (HttpResponse<String> r : List.of(send(request("/health").GET()), send(request("/nope").GET()),
                send(request("/api/cases/x").GET()))) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    private static String openCase(String user, String clientAddress, String text) throws Exception {
        HttpResponse<String> r = send(request("/api/cases?wait=true").header("Authorization", basic(user,
                user.equals("alice") ? "wonderland" : "builder")).header("X-Forwarded-For", clientAddress)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text)))));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("case").asText();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
