package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.store.FactKind;
import dev.triage.bot.store.TestDatabases;
import dev.triage.bot.store.TestDatabases.Kind;
import dev.triage.bot.store.TestPostgres;
import dev.triage.probes.fixtures.FaultServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /ready}, {@code /metrics} and a graceful shutdown, as a load balancer and Prometheus see them. */
class OperationsTest {
    static final String TOKEN = "operations-token-0123456789";
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final String DIALOG = "{\"text\": \"Remote Desktop can't connect. Error code: 0x904 Extended error code: 0x7\"}";
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();
    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readyWithoutCredentialsMetricsOnlyWithThem(Kind kind) throws Exception {
        try (TestServer server = TestServer.start(config(kind, Map.of("TRIAGE_ACCESS_TOKEN", TOKEN)))) {
            HttpResponse<String> ready = server.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
            assertThat(server.get("/metrics").statusCode()).isEqualTo(401);

            HttpResponse<String> turn = server.send(HttpRequest.newBuilder(server.uri("/api/cases"))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(DIALOG)));
            assertThat(turn.statusCode()).isEqualTo(201);
            String caseId = JSON.readTree(turn.body()).path("case").asText();

            HttpResponse<String> metrics = server.send(HttpRequest.newBuilder(server.uri("/metrics"))
                    .header("Authorization", "Bearer " + TOKEN).GET());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body())
                    .contains("triage_turns_seconds_count{outcome=\"replied\"} 1")
                    .contains("triage_turns_seconds_bucket{outcome=\"replied\",le=")
                    .contains("triage_http_requests_seconds_count{method=\"POST\",route=\"/api/cases\",status=\"201\"} 1")
                    .containsPattern("triage_http_requests_seconds_count\\{method=\"GET\",route=\"[^\"]*\",status=\"401\"} 1")
                    .contains("triage_db_connections_max 32.0")
                    .contains("triage_db_connections_active")
                    .doesNotContain(caseId).doesNotContain("0x904");
        }
    }

    @Test
    void drainingTurnsReadyTo503AndRefusesNewWorkButNotHealth() throws Exception {
        try (TestServer server = TestServer.start(config(Kind.H2, Map.of()))) {
            server.app().operations().drain();

            HttpResponse<String> ready = server.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("shutting down");
            HttpResponse<String> turn = server.post("/api/cases", DIALOG);
            assertThat(turn.statusCode()).isEqualTo(503);
            assertThat(turn.body()).isEqualTo("{\"error\":\"This instance is shutting down; send the request again.\"}");
            assertThat(server.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aGracefulShutdownLetsTheRunningProbeRunFinishAndStoreItsResults() throws Exception {
        try (FaultServer slow = FaultServer.slow(Duration.ofMillis(1500))) {
            BotApplication app = BotApplication.create(config(Kind.H2, Map.of("TRIAGE_PROBES_ALLOW",
                    "127.0.0.1/32:" + slow.port())));
            var server = app.httpApi().create().start("127.0.0.1", 0);
            var http = java.net.http.HttpClient.newHttpClient();
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/cases"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"text\": \"mstsc /v:127.0.0.1:" + slow.port() + " fails with 0x204\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String caseId = JSON.readTree(opened.body()).path("case").asText();
            assertThat(JSON.readTree(opened.body()).path("probing").asBoolean()).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(
                    () -> app.shutDownGracefully(server, Duration.ofSeconds(20)));
            stopping.get(30, java.util.concurrent.TimeUnit.SECONDS);

            try (var db = dev.triage.bot.store.Database.embedded(data.resolve("data"))) {
                var store = new dev.triage.bot.store.JdbcCaseStore(db.dataSource(), java.time.Clock.systemUTC());
                assertThat(store.find(caseId).orElseThrow().facts()).extracting(f -> f.kind())
                        .contains(FactKind.PROBE_RUN);
            }
        }
    }

    private BotConfig config(Kind kind, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("TRIAGE_CONFIG", "/dev/null");
        env.put("TRIAGE_DATA", Files.createDirectories(data.resolve("data")).toString());
        if (kind == Kind.POSTGRESQL) {
            env.put("TRIAGE_JDBC_URL", databases.postgresUrl());
            env.put("TRIAGE_JDBC_USER", TestPostgres.USER);
            env.put("TRIAGE_JDBC_PASSWORD", TestPostgres.PASSWORD);
        }
        return new ConfigLoader(env).load();
    }
}
