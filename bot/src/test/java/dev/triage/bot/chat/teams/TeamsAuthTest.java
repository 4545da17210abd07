package dev.triage.bot.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.RSAKey;
import dev.triage.bot.config.BotConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way an activity's token can fail is refused before anything is stored or sent, through Triage's real server:
 * the refused delivery's id is not even recorded, so the genuine one is still answered.
 */
class TeamsAuthTest {
    static final String DIALOG = "Error code: 0x904 Extended error code: 0x7";
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path data;
    static TeamsHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new TeamsHarness(BotConfig.defaults().withDataDir(data), List.of());
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void everyFailedCheckIsRefusedAndNothingIsStoredOrSent() throws Exception {
        ObjectNode activity = h.mention("1700000000001", "user-a", DIALOG);
        String serviceUrl = activity.path("serviceUrl").asText();
        BotFrameworkStandIn login = h.login;
        Instant now = Instant.now();

        assertThat(h.post(activity, null).statusCode()).as("no token").isEqualTo(401);
        assertThat(post(activity, "Basic dXNlcjpwYXNz")).as("not a bearer token").isEqualTo(401);
        assertThat(h.post(activity, "not.a.jwt").statusCode()).as("garbage").isEqualTo(403);
        assertThat(h.post(activity, login.token(login.teamsKey, c -> c.claim("serviceUrl", serviceUrl)
                .expirationTime(Date.from(now.minusSeconds(360))).notBeforeTime(Date.from(now.minusSeconds(4000)))))
                .statusCode()).as("expired 6 minutes ago, past the 5 minutes of skew").isEqualTo(403);
        assertThat(h.post(activity, login.token(login.teamsKey, c -> c.claim("serviceUrl", serviceUrl)
                .notBeforeTime(Date.from(now.plusSeconds(360))))).statusCode())
                .as("not valid for another 6 minutes").isEqualTo(403);
        assertThat(h.post(activity, login.token(login.teamsKey, c -> c.claim("serviceUrl", serviceUrl)
                .audience("someone-elses-app-id"))).statusCode()).as("wrong audience").isEqualTo(403);
        assertThat(h.post(activity, login.token(login.teamsKey, c -> c.claim("serviceUrl", serviceUrl)
                .issuer("https://sts.windows.net/evil/"))).statusCode()).as("wrong issuer").isEqualTo(403);
        RSAKey forged = BotFrameworkStandIn.unpublished(login.teamsKey.getKeyID());
        assertThat(h.post(activity, login.token(forged, c -> c.claim("serviceUrl", serviceUrl))).statusCode())
                .as("a forged key with a known kid").isEqualTo(403);
        assertThat(h.post(activity, login.token(login.teamsKey, c -> c)).statusCode())
                .as("no serviceUrl claim").isEqualTo(403);
        assertThat(h.post(activity, login.token("https://smba.trafficmanager.net/emea/")).statusCode())
                .as("the token's serviceUrl is not the activity's").isEqualTo(403);
        assertThat(h.post(activity, login.token(login.webchatKey, c -> c.claim("serviceUrl", serviceUrl)))
                .statusCode()).as("a key not endorsed for msteams").isEqualTo(403);
        ObjectNode elsewhere = activity.deepCopy().put("serviceUrl", "http://192.0.2.7/");
        assertThat(h.post(elsewhere).statusCode()).as("a serviceUrl the settings do not allow, even when the token"
                + " names it").isEqualTo(403);
        Thread.sleep(300);

        assertThat(h.connector.calls()).isEmpty();
        assertThat(h.app.chatCore().conversations().cases("", 0, 10)).isEmpty();
        assertThat(h.login.tokenRequests()).as("no reply was attempted").isEmpty();

        assertThat(h.post(activity).statusCode()).isEqualTo(200);
        ConnectorStandIn.Call reply = h.connector.await(c -> c.text().contains("Likely causes"), WAIT);
        assertThat(reply.activityId()).isEqualTo("1700000000001");
    }

    @Test
    void aTokenExpiredTwoMinutesAgoIsWithinTheSkewAndAccepted() throws Exception {
        ObjectNode activity = h.mention("1700000000002", "user-b", DIALOG);
        Instant now = Instant.now();
        String token = h.login.token(h.login.teamsKey, c -> c.claim("serviceUrl", activity.path("serviceUrl")
                .asText()).expirationTime(Date.from(now.minusSeconds(120)))
                .notBeforeTime(Date.from(now.minusSeconds(3600))));

        assertThat(h.post(activity, token).statusCode()).isEqualTo(200);
        h.connector.await(c -> c.activityId().equals("1700000000002") && c.text().contains("Likely causes"), WAIT);
    }

    @Test
    void anActivityFromATenantNotAllowedIsAcknowledgedAndIgnored() throws Exception {
        ObjectNode activity = h.mention("1700000000003", "user-c", DIALOG);
        ((ObjectNode) activity.path("channelData").path("tenant")).put("id", "another-tenant");
        ((ObjectNode) activity.path("conversation")).put("tenantId", "another-tenant");
        int before = h.app.chatCore().conversations().cases("", 0, 100).size();

        assertThat(h.post(activity).statusCode()).isEqualTo(200);
        Thread.sleep(500);

        assertThat(h.connector.calls(c -> c.conversation().contains("1700000000003"))).isEmpty();
        assertThat(h.app.chatCore().conversations().cases("", 0, 100)).hasSize(before);
    }

    private static int post(ObjectNode activity, String authorization) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(h.uri(TeamsAdapter.PATH))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(activity.toString())).build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
