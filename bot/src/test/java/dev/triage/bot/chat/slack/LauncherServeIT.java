package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.cli.ServeProcess;
import dev.triage.probes.fixtures.TestCertificates;
import dev.triage.probes.fixtures.TestCertificates.Kind;
import dev.triage.probes.fixtures.XrdpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Slack issue's "done when", on the repository's real launcher: {@code ./triage serve} started as people start it
 * (the packaged jar, {@code target/lib}, no configuration file), Slack switched on by the environment and pointed at a
 * {@link SlackStandIn}, a real xrdp on loopback (expired certificate) allowed for probing. Runs in {@code verify},
 * after {@code package}; the launcher is told not to build (this is the build) nor to write its class archive (a
 * second full start, for one process).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherServeIT {
    static final Duration WAIT = Duration.ofSeconds(40);
    static final String CHANNEL = "C0HELPDESK";
    static final String THREAD = "1700000020.000100";

    @TempDir
    static Path dir;
    static XrdpServer xrdp;
    static SlackStandIn slack;
    static ServeProcess server;
    static int port;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path root = Path.of(System.getProperty("triage.root", "..")).toAbsolutePath().normalize();
        assertThat(root.resolve("bot/target/triage-bot.jar")).as("run after package (mvn verify)").isRegularFile();
        assertThat(root.resolve("bot/target/lib")).isDirectory();
        Files.createDirectories(dir.resolve("xrdp"));
        TestCertificates certs = TestCertificates.generate(dir.resolve("certs"));
        xrdp = XrdpServer.start(dir.resolve("xrdp"), XrdpServer.Config.of("negotiate",
                certs.certificate(Kind.EXPIRED), certs.key(Kind.EXPIRED)));
        slack = new SlackStandIn();
        port = freePort();
        server = ServeProcess.launcher(root, Map.of("TRIAGE_NO_BUILD", "1", "TRIAGE_CDS", "off",
                "TRIAGE_PROBES_ALLOW", "127.0.0.1/32:" + xrdp.port(), "SLACK_BOT_TOKEN", "xoxb-test",
                "SLACK_SIGNING_SECRET", SlackHarness.SECRET, "SLACK_API_URL", slack.apiUrl()),
                List.of("--port", String.valueOf(port), "--data", dir.resolve("data").toString()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.stop();
            server.close();
        }
        if (slack != null) {
            slack.close();
        }
        if (xrdp != null) {
            xrdp.close();
        }
    }

    @Test
    @Order(1)
    void forgedStaleFutureAndReplayedRequestsGet401AndNothingIsStored() throws Exception {
        String body = SlackHarness.envelope("EvL0", SlackHarness.mention("U1", CHANNEL, "1700000019.000100",
                "refusedpaste " + SlackEventsTest.DIALOG));
        // Each signed at the moment it is sent: a slow machine must not carry a request back inside the window.
        assertThat(post(body, b -> b).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(post(body, SlackHarness.signed(body, Instant.now(), "not-the-secret")).statusCode())
                .as("forged").isEqualTo(401);
        assertThat(post(body, signedAt(body, Instant.now().minusSeconds(320))).statusCode()).as("stale")
                .isEqualTo(401);
        assertThat(post(body, signedAt(body, Instant.now().plusSeconds(320))).statusCode()).as("future")
                .isEqualTo(401);
        assertThat(post(body, signedAt(body, Instant.now().minus(Duration.ofMinutes(10)))).statusCode())
                .as("replayed with its original signature, 10 minutes on").isEqualTo(401);
        Thread.sleep(500);

        assertThat(slack.calls()).filteredOn(c -> !c.method().equals("auth.test")).isEmpty();
        assertThat(get("/cases?q=refusedpaste").body()).doesNotContain("/cases/");
    }

    @Test
    @Order(2)
    void aSignedMentionIsAnsweredInItsThreadProbedLiveAndItsButtonReRanksTheCase() throws Exception {
        String body = SlackHarness.envelope("EvL1", SlackHarness.mention("U1", CHANNEL, THREAD,
                "mstsc /v:127.0.0.1:" + xrdp.port() + "\n" + SlackEventsTest.DIALOG));
        long started = System.nanoTime();
        HttpResponse<String> ack = post(body, signedAt(body, Instant.now()));
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackMillis).as("Slack's 3 s deadline").isLessThan(3_000);
        SlackStandIn.Call reply = slack.await("chat.postMessage", c -> inThread(c)
                && c.field("blocks").contains("Likely causes"), WAIT);
        assertThat(SlackEventsTest.actions(blocks(reply))).as("a question with buttons").isNotEmpty();
        SlackStandIn.Call ladder = slack.await("chat.postMessage", c -> inThread(c)
                && c.field("text").startsWith("Checking"), WAIT);
        SlackStandIn.Call checked = slack.await("chat.update", c -> c.field("ts").equals(ladder.ts())
                && c.field("text").startsWith("Checked"), WAIT);
        assertThat(blocks(checked).toString()).contains("`tcp`", "`certificate`", "EXPIRED");
        assertThat(slack.calls("chat.update")).as("the ladder edited while the probes ran")
                .filteredOn(c -> c.field("ts").equals(ladder.ts())).hasSizeGreaterThanOrEqualTo(2);
        SlackStandIn.Call settled = slack.await("chat.postMessage", c -> inThread(c)
                && c.field("blocks").contains("Likely causes") && !c.ts().equals(reply.ts()), WAIT);
        String caseUrl = caseUrl(settled);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(caseUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("the case link").isEqualTo(200);
        // A public channel: the thread names no host; the asker has the details with the same case link.
        assertThat(slack.calls()).filteredOn(c -> c.field("channel").equals(CHANNEL)
                && !c.method().equals("chat.postEphemeral")).allSatisfy(c -> assertThat(c.form().toString())
                        .doesNotContain("127.0.0.1"));
        SlackStandIn.Call details = slack.await("chat.postEphemeral", c -> inThread(c), WAIT);
        assertThat(details.field("blocks")).contains("127.0.0.1:" + xrdp.port(), caseUrl);

        // Settled at 98 % by the probes: no question is left worth asking (issue 13), so the settled answer has no
        // buttons. The text-only answer sent while probing still carries them, and a click on one is answered.
        assertThat(blocks(settled).toString()).as("no question on a settled case").doesNotContain("\"actions\"");
        JsonNode button = SlackEventsTest.actions(blocks(reply)).get(0);
        String click = SlackHarness.form(Map.of("payload", SlackButtonsTest.click(reply, "U1", button, CHANNEL,
                THREAD)));
        HttpResponse<String> clicked = post(click, "application/x-www-form-urlencoded",
                signedAt(click, Instant.now()));

        assertThat(clicked.statusCode()).isEqualTo(200);
        SlackStandIn.Call answered = slack.await("chat.update", c -> c.field("ts").equals(reply.ts()), WAIT);
        assertThat(blocks(answered).toString()).doesNotContain("\"actions\"").contains("answered");
        SlackStandIn.Call reranked = slack.await("chat.postMessage", c -> inThread(c)
                && c.field("blocks").contains("Likely causes") && c.at().isAfter(answered.at().minusMillis(1))
                && !c.ts().equals(settled.ts()) && !c.ts().equals(reply.ts()), WAIT);
        assertThat(causes(reranked)).as("re-ranked by the answer").isNotEqualTo(causes(settled));
    }

    @Test
    @Order(3)
    void aRetriedEventGetsNoSecondAnswer() throws Exception {
        String body = SlackHarness.envelope("EvL1", SlackHarness.mention("U1", CHANNEL, THREAD,
                "mstsc /v:127.0.0.1:" + xrdp.port() + "\n" + SlackEventsTest.DIALOG));
        long before = slack.calls("chat.postMessage").size();

        HttpResponse<String> retry = post(body, b -> signedAt(body, Instant.now())
                .apply(b).header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout"));

        assertThat(retry.statusCode()).isEqualTo(200);
        Thread.sleep(1_500);
        assertThat(slack.calls("chat.postMessage")).hasSize((int) before);
    }

    private static UnaryOperator<HttpRequest.Builder> signedAt(String body, Instant at) {
        return SlackHarness.signed(body, at, SlackHarness.SECRET);
    }

    private static boolean inThread(SlackStandIn.Call call) {
        return call.field("channel").equals(CHANNEL) && call.field("thread_ts").equals(THREAD);
    }

    private static JsonNode blocks(SlackStandIn.Call call) throws IOException {
        return SlackHarness.JSON.readTree(call.field("blocks"));
    }

    /** The "Likely causes" section: the ranked causes with their percentages. */
    private static String causes(SlackStandIn.Call call) throws IOException {
        for (JsonNode block : blocks(call)) {
            String text = block.path("text").path("text").asText();
            if (text.startsWith("*Likely causes*")) {
                return text;
            }
        }
        throw new AssertionError("no causes in " + call);
    }

    private static String caseUrl(SlackStandIn.Call call) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("http://localhost:" + port
                + "/cases/[A-Za-z0-9_-]+").matcher(call.field("blocks"));
        assertThat(m.find()).as("a case link in " + call.field("blocks")).isTrue();
        return m.group();
    }

    private HttpResponse<String> post(String body, UnaryOperator<HttpRequest.Builder> headers) throws Exception {
        return post(body, "application/json", headers);
    }

    private HttpResponse<String> post(String body, String contentType, UnaryOperator<HttpRequest.Builder> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url(SlackAdapter.PATH)))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(headers.apply(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
