package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.ConfigLoader;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void exitWhenReadyStartsEverythingThenStops() {
        CliRun run = CliRun.withInput(new byte[0], Map.of(), "serve", "--port", "0", "--data",
                dir.resolve("data").toString(), "--exit-when-ready");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Triage is listening on http://localhost:").contains("ready");
        assertThat(Files.exists(dir.resolve("data").resolve("triage.mv.db"))).isTrue();
    }

    @Test
    void listeningBeyondLoopbackWithoutAccessControlIsRefused() {
        CliRun run = CliRun.withInput(new byte[0], Map.of("TRIAGE_CONFIG", "/dev/null"), "serve", "--port", "0",
                "--data", dir.resolve("data").toString(), "--bind", "0.0.0.0", "--exit-when-ready");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("refusing to listen on 0.0.0.0 without access control")
                .contains("TRIAGE_ACCESS_TOKEN");
        assertThat(Files.exists(dir.resolve("data"))).as("nothing was started").isFalse();
    }

    @Test
    void beyondLoopbackWithATokenEveryRequestNeedsIt() throws Exception {
        BotConfig config = new ConfigLoader(Map.of("TRIAGE_CONFIG", "/dev/null", "TRIAGE_BIND", "0.0.0.0",
                "TRIAGE_ACCESS_TOKEN", "a-long-enough-test-token")).load().withDataDir(dir).withPort(0);
        try (BotApplication app = BotApplication.create(config)) {
            Javalin server = app.serve();
            try {
                HttpClient http = HttpClient.newHttpClient();
                URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/cases/any");
                int without = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode();
                int with = http.send(HttpRequest.newBuilder(uri).header("Authorization",
                        "Bearer a-long-enough-test-token").build(), HttpResponse.BodyHandlers.ofString()).statusCode();

                assertThat(without).isEqualTo(401);
                assertThat(with).isEqualTo(404);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aBadPortIsAConfigurationError() {
        CliRun run = CliRun.of("serve", "--port", "http");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("port must be a number");
    }
}
