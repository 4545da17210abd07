package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.cli.ServeProcess;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.store.TestDatabases;
import dev.triage.bot.store.TestPostgres;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code triage serve} processes on one PostgreSQL, the deployment behind a load balancer: a conversation
 * alternating between them gets exactly the replies one instance on H2 gives; one Slack event delivered to both at
 * once is answered once; after {@code kill -9} of one, the other carries the conversation on with nothing lost.
 * (In the Slack package for its stand-in and request signing.)
 */
class SeveralInstancesTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PUBLIC_URL = "http://triage.example";
    // The conversation: which instance gets each message, and the message.
    static final List<String> STEPS = List.of(
            "{\"text\": \"Remote Desktop can't connect. Error code: 0x904 Extended error code: 0x7\"}",
            "{\"answer\": {\"environment\": \"azure\"}}",
            "{\"text\": \"It started after the certificate was renewed last week\"}",
            "{\"answer\": {\"other-hosts-work\": \"yes\"}}");
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();
    @TempDir
    Path h2;
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoProcessesOnOnePostgresAnswerLikeOneDeduplicateSlackRetriesAndSurviveKillNine() throws Exception {
        String url = databases.postgresUrl();
        SlackStandIn slack = new SlackStandIn();
        // Both start at once, as behind a load balancer: the migrations run once while the other waits.
        CompletableFuture<ServeProcess> second = CompletableFuture.supplyAsync(() -> start(env(url, slack)));
        List<String> single = singleInstanceReplies();
        try (slack;
                ServeProcess a = ServeProcess.start(env(url, slack));
                ServeProcess b = second.join()) {
            List<ServeProcess> turns = List.of(a, b, a, b);
            String first = post(a, "/api/cases", STEPS.get(0));
            String id = JSON.readTree(first).path("case").asText();
            List<String> replies = new ArrayList<>();
            replies.add(normalised(first, id));
            for (int i = 1; i < STEPS.size(); i++) {
                if (i == 3) {
                    sameSlackEventToBoth(a, b, slack);
                    a.kill(); // mid-conversation, with a turn just answered
                }
                replies.add(normalised(post(turns.get(i), "/api/cases/" + id + "/messages", STEPS.get(i)), id));
            }

            assertThat(replies).isEqualTo(single);
            JsonNode stored = JSON.readTree(get(b, "/api/cases/" + id));
            assertThat(stored.path("facts")).extracting(f -> f.path("kind").asText())
                    .containsExactly("message", "answer", "message", "answer");
            assertThat(b.output()).doesNotContain(TestPostgres.PASSWORD).doesNotContain("ERROR");
        }
    }

    /** The event arrives at both instances at once, as a retry may land on the other one: one reply in Slack. */
    private void sameSlackEventToBoth(ServeProcess a, ServeProcess b, SlackStandIn slack) throws Exception {
        String body = SlackHarness.envelope("Ev0DUPLICATE", SlackHarness.mention("U1", "C1", "1700000000.000900",
                "Error code: 0x904 Extended error code: 0x7"));
        var signed = SlackHarness.signed(body, Instant.now(), SlackHarness.SECRET);
        List<CompletableFuture<HttpResponse<String>>> both = new ArrayList<>();
        for (ServeProcess instance : List.of(a, b)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url(SlackAdapter.PATH)))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            both.add(http.sendAsync(signed.apply(request).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : both) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        slack.await("chat.postMessage", c -> c.field("thread_ts").equals("1700000000.000900"),
                Duration.ofSeconds(30));
        Thread.sleep(2_000); // time for a second answer, were there one
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
    }

    /** The same conversation on one in-process instance with its embedded H2: the replies to match. */
    private List<String> singleInstanceReplies() throws Exception {
        BotApplication app = BotApplication.create(new ConfigLoader(Map.of("TRIAGE_CONFIG", "/dev/null",
                "TRIAGE_DATA", Files.createDirectories(h2.resolve("data")).toString(), "TRIAGE_PUBLIC_URL",
                PUBLIC_URL)).load());
        Javalin server = app.httpApi().create().start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + server.port();
            String first = post(base + "/api/cases", STEPS.get(0));
            String id = JSON.readTree(first).path("case").asText();
            List<String> replies = new ArrayList<>();
            replies.add(normalised(first, id));
            for (int i = 1; i < STEPS.size(); i++) {
                replies.add(normalised(post(base + "/api/cases/" + id + "/messages", STEPS.get(i)), id));
            }
            return replies;
        } finally {
            server.stop();
            app.close();
        }
    }

    private static ServeProcess start(Map<String, String> env) {
        try {
            return ServeProcess.start(env);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> env(String url, SlackStandIn slack) {
        return Map.of("TRIAGE_JDBC_URL", url, "TRIAGE_JDBC_USER", TestPostgres.USER, "TRIAGE_JDBC_PASSWORD",
                TestPostgres.PASSWORD, "TRIAGE_PUBLIC_URL", PUBLIC_URL, "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", SlackHarness.SECRET, "SLACK_API_URL", slack.apiUrl());
    }

    /** The reply with its case id (random per case) replaced, so two cases' replies compare. */
    private static String normalised(String json, String caseId) throws Exception {
        return JSON.readTree(json.replace(caseId, "CASE")).toString();
    }

    private String post(ServeProcess to, String path, String body) throws Exception {
        return post(to.url(path), body);
    }

    private String get(ServeProcess to, String path) throws Exception {
        return get(to.url(path));
    }

    private String post(String uri, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return r.body();
    }

    private String get(String uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
