package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.cli.ServeProcess;
import dev.triage.bot.store.TestDatabases;
import dev.triage.bot.store.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real {@code triage serve} with JSON logs, given input that makes its libraries throw exceptions whose messages
 * quote what a user pasted: a database that refuses a message and echoes it (as constraint and trigger errors do), a
 * signed Slack event whose body is not JSON, a Slack event stored into that database. The pasted text and the
 * secrets it contains never reach the log at INFO, every line is one JSON object, and the failures are still there
 * by class and SQL state. (In the Slack package for its request signing.)
 */
class LogScrubbingTest {
    static final String MARKER = "PASTED-7c1e-MARKER";
    static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pastedTextAndSecretsStayOutOfTheJsonLogWhenLibrariesEchoThem() throws Exception {
        String url = databases.postgresUrl();
        String pasted = "Error code: 0x904 " + MARKER + " my token is " + SlackHarness.SECRET;
        try (SlackStandIn slack = new SlackStandIn();
                ServeProcess serve = ServeProcess.start(Map.of("TRIAGE_JDBC_URL", url, "TRIAGE_JDBC_USER",
                        TestPostgres.USER, "TRIAGE_JDBC_PASSWORD", TestPostgres.PASSWORD, "TRIAGE_LOG_FORMAT", "json",
                        "SLACK_BOT_TOKEN", "xoxb-test-0123456789", "SLACK_SIGNING_SECRET", SlackHarness.SECRET,
                        "SLACK_API_URL", slack.apiUrl()))) {
            refuseMarkedFacts(url);

            HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(serve.url("/api/cases")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", pasted))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(500);
            assertThat(api.body()).doesNotContain(MARKER);

            String malformed = "{\"type\": \"event_callback\", \"event\": " + MARKER + " " + SlackHarness.SECRET;
            assertThat(signedSlack(serve, malformed).statusCode()).isGreaterThanOrEqualTo(400);
            String event = SlackHarness.envelope("Ev0PASTED", SlackHarness.mention("U1", "C1", "1700000000.000100",
                    pasted));
            assertThat(signedSlack(serve, event).statusCode()).isEqualTo(200);

            List<JsonNode> lines = awaitLine(serve, line -> line.path("logger").asText().startsWith(
                    "dev.triage.bot.chat.slack") && line.path("level").asText().equals("ERROR"));
            assertThat(serve.output()).doesNotContain(MARKER).doesNotContain(SlackHarness.SECRET)
                    .doesNotContain(TestPostgres.PASSWORD).doesNotContain("xoxb-test-0123456789");
            assertThat(lines).allSatisfy(line -> assertThat(line.fieldNames()).toIterable()
                    .contains("time", "level", "logger", "message"));
            assertThat(lines).as("the database failure is logged, by class and SQL state")
                    .anySatisfy(line -> assertThat(line.path("message").asText()).startsWith("request failed"))
                    .anySatisfy(line -> assertThat(line.path("causes").asText())
                            .contains("org.postgresql.util.PSQLException: SQL state P0001 (details at debug level)"));
            assertThat(lines).as("Slack's SDK quotes the body it cannot parse; withheld")
                    .anySatisfy(line -> assertThat(line.path("logger").asText()).startsWith("com.slack.api"));
        }
    }

    /** A database that refuses the pasted text and, like a failed constraint, says which value it refused. */
    private static void refuseMarkedFacts(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.payload LIKE '%" + MARKER + "%' THEN RAISE EXCEPTION 'refused: %', NEW.payload;"
                    + " END IF; RETURN NEW; END $$");
            s.execute("CREATE TRIGGER refuse_marked BEFORE INSERT ON case_facts FOR EACH ROW"
                    + " EXECUTE FUNCTION refuse_marked()");
        }
    }

    private HttpResponse<String> signedSlack(ServeProcess serve, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serve.url(SlackAdapter.PATH)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(SlackHarness.signed(body, Instant.now(), SlackHarness.SECRET).apply(request).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The log lines (every line but the one saying where it listens), once one of them is the awaited one. */
    private static List<JsonNode> awaitLine(ServeProcess serve, Predicate<JsonNode> awaited) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : serve.output().split("\n")) {
                if (!line.isBlank() && !line.startsWith("Triage is listening")) {
                    lines.add(JSON.readTree(line)); // fails the test when a line is not one JSON object
                }
            }
            if (lines.stream().anyMatch(awaited) || Instant.now().isAfter(until)) {
                return lines;
            }
            Thread.sleep(100);
        }
    }
}
