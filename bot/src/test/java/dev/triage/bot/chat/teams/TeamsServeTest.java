package dev.triage.bot.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check: the server process the launcher starts ({@code ./triage serve} execs
 * {@code BotApplication serve}) with Teams switched on by its environment, the stand-in login service and Bot
 * Connector, and a real xrdp on loopback (its certificate expired). A correctly signed activity carrying the
 * 0x904/0x7 dialog is acknowledged at once and answered in its thread: typing, the causes, a card question, the
 * probe ladder replaced in place, the re-ranked answer with the case link, and a card submit that re-ranks again.
 */
class TeamsServeTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aSignedActivityIsAnsweredInItsThreadWithProbesUpdatedInPlaceAndACardThatReRanks() throws Exception {
        Files.createDirectories(dir.resolve("xrdp"));
        TestCertificates certs = TestCertificates.generate(dir.resolve("certs"));
        try (XrdpServer xrdp = XrdpServer.start(dir.resolve("xrdp"), XrdpServer.Config.of("negotiate",
                certs.certificate(Kind.EXPIRED), certs.key(Kind.EXPIRED)));
                BotFrameworkStandIn login = new BotFrameworkStandIn();
                ConnectorStandIn connector = new ConnectorStandIn()) {
            int port = freePort();
            try (ServeProcess triage = ServeProcess.start(teams(login, xrdp.port()), port, dir.resolve("data"))) {
                try {
                    run(port, login, connector, xrdp.port());
                } finally {
                    triage.stop();
                }
            }
        }
    }

    private void run(int port, BotFrameworkStandIn login, ConnectorStandIn connector, int rdpPort) throws Exception {
        ObjectNode mention = TeamsActivities.mention(connector.serviceUrl(), "1700000009000", "user-9",
                "mstsc /v:127.0.0.1:" + rdpPort + "\nError code: 0x904\nExtended error code: 0x7");
        String conversation = mention.path("conversation").path("id").asText();

        long started = System.nanoTime();
        HttpResponse<String> ack = post(port, mention, login.token(connector.serviceUrl()));
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        // The Bot Connector gives up after 15 s; how fast it really is, is measured by bench/teams.sh, not here.
        assertThat(ackMillis).as("acknowledged within the Bot Connector's deadline").isLessThan(15_000);
        ConnectorStandIn.Call typing = connector.await(c -> c.type().equals("typing"), WAIT);
        assertThat(typing.conversation()).isEqualTo(conversation);
        ConnectorStandIn.Call first = connector.await(c -> c.text().contains("Likely causes"), WAIT);
        assertThat(first.activityId()).as("in the thread of the mention").isEqualTo("1700000009000");
        assertThat(first.at()).isAfter(typing.at());
        ConnectorStandIn.Call question = connector.await(c -> !c.card().isMissingNode(), WAIT);
        assertThat(question.card().path("actions").path(0).path("type").asText()).isEqualTo("Action.Submit");
        ConnectorStandIn.Call ladder = connector.await(c -> c.method().equals("POST")
                && c.text().startsWith("**Checking**"), WAIT);
        ConnectorStandIn.Call checked = connector.await(c -> c.method().equals("PUT")
                && c.activityId().equals(ladder.answeredId()) && c.text().startsWith("**Checked**"), WAIT);
        assertThat(checked.text()).contains("`tcp`", "`tls`", "EXPIRED");
        assertThat(connector.calls(c -> c.method().equals("PUT"))).allSatisfy(
                edit -> assertThat(edit.activityId()).isEqualTo(ladder.answeredId()));
        ConnectorStandIn.Call settled = connector.await(c -> c.method().equals("POST")
                && c.text().contains("Likely causes") && !c.answeredId().equals(first.answeredId()), WAIT);
        assertThat(settled.text()).contains("/cases/").doesNotContain("Checking ");
        assertThat(settled.text().indexOf("expired")).as("the expired certificate leads after the probes")
                .isBetween(0, settled.text().indexOf("2. "));

        ObjectNode data = TeamsActivities.firstAnswer(question.card());
        ObjectNode click = TeamsActivities.submit(mention, "1700000009100", "user-9", question.answeredId(), data);
        assertThat(post(port, click, login.token(connector.serviceUrl())).statusCode()).isEqualTo(200);
        connector.await(c -> c.method().equals("PUT") && c.activityId().equals(question.answeredId()), WAIT);
        ConnectorStandIn.Call reRanked = connector.await(c -> c.activityId().equals("1700000009100")
                && c.text().contains("Likely causes"), WAIT);
        String caseId = TeamsConversationTest.caseOf(settled);
        assertThat(TeamsConversationTest.caseOf(reRanked)).isEqualTo(caseId);
        assertThat(reRanked.text()).contains(":" + port + "/cases/" + caseId + ")");
        JsonNode stored = TeamsActivities.JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/cases/" + caseId)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(stored.path("facts").toString()).contains(data.path("question").asText());
    }

    private static Map<String, String> teams(BotFrameworkStandIn login, int rdpPort) {
        return Map.of("TRIAGE_PROBES_ALLOW", "127.0.0.1/32:" + rdpPort,
                "TEAMS_APP_ID", BotFrameworkStandIn.APP_ID,
                "TEAMS_APP_PASSWORD", BotFrameworkStandIn.APP_PASSWORD,
                "TEAMS_ALLOWED_TENANTS", TeamsActivities.TENANT,
                "TEAMS_OPENID_METADATA_URL", login.metadataUrl(),
                "TEAMS_TOKEN_URL", login.tokenUrl(),
                "TEAMS_SERVICE_URLS", "http://127.0.0.1");
    }

    private static HttpResponse<String> post(int port, ObjectNode activity, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + TeamsAdapter.PATH)).header("Content-Type", "application/json").header("Authorization", "Bearer "
                + token).POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
