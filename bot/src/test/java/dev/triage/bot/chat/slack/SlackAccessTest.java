package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.HttpSettings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With access credentials configured, Slack's POST to /slack/events is let through without them (Slack cannot send
 * them) and is authenticated by its signature alone; everything else on the path still needs credentials.
 */
class SlackAccessTest {
    static final String TOKEN = "a-long-enough-access-token";

    @TempDir
    Path data;

    @Test
    void slacksSignedPostNeedsNoAccessCredentialsButItsSignatureAndOtherMethodsStillNeedThem() throws Exception {
        HttpSettings guarded = new HttpSettings(HttpSettings.LOOPBACK, Optional.of(TOKEN), Map.of(), List.of(), 64);
        try (SlackHarness h = new SlackHarness(BotConfig.defaults().withDataDir(data).withHttp(guarded), List.of())) {
            String body = SlackHarness.envelope("EvA1", SlackHarness.mention("U1", "C1", "1700000001.000100",
                    "Error code: 0x904 Extended error code: 0x7"));

            HttpResponse<String> signed = h.postJson(body);
            HttpResponse<String> bearerOnly = h.post(body, "application/json",
                    b -> b.header("Authorization", "Bearer " + TOKEN));
            HttpResponse<String> get = h.http().send(HttpRequest.newBuilder(h.uri(SlackAdapter.PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> api = h.http().send(HttpRequest.newBuilder(h.uri("/api/cases/x")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(signed.statusCode()).isEqualTo(200);
            assertThat(bearerOnly.statusCode()).isEqualTo(401);
            assertThat(bearerOnly.body()).contains("not signed by Slack");
            assertThat(get.statusCode()).isEqualTo(401);
            assertThat(get.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(api.statusCode()).isEqualTo(401);
            h.slack.await("chat.postMessage", c -> true, Duration.ofSeconds(20));
        }
    }

    @Test
    void theSlackRouteExistsOnlyWhenSlackIsConfigured() throws Exception {
        try (var app = dev.triage.bot.BotApplication.create(BotConfig.defaults().withDataDir(data))) {
            var server = app.httpApi().create().start("127.0.0.1", 0);
            try {
                String body = "{\"type\":\"url_verification\",\"challenge\":\"c\"}";
                HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + SlackAdapter.PATH))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(404);
            } finally {
                server.stop();
            }
        }
    }
}
