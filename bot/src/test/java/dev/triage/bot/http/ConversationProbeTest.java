package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.store.AuditEntry;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A conversation that names a host probes it once, through the policy, and audits the decision under the case. */
class ConversationProbeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;

    @Test
    void aNamedHostIsProbedThroughThePolicyAndAuditedUnderTheCase() throws Exception {
        try (TestServer triage = TestServer.start(BotConfig.defaults().withDataDir(data))) {
            BotApplication app = triage.app();
            JsonNode opened = post(triage, "/api/cases?wait=true",
                    Map.of("text", "xfreerdp /v:127.0.0.1:3389 fails with ERRCONNECT_CONNECT_TRANSPORT_FAILED"));
            String id = opened.path("case").asText();

            assertThat(opened.path("host").asText()).isEqualTo("127.0.0.1:3389");
            assertThat(opened.path("probes").get(1).path("name").asText()).isEqualTo("policy");
            assertThat(opened.path("probes").get(1).path("status").asText()).isEqualTo("DENIED");

            post(triage, "/api/cases/" + id + "/messages", Map.of("text", "it worked yesterday"));
            List<AuditEntry> audit = app.store().auditTrail(id);
            assertThat(audit).singleElement().satisfies(e -> {
                assertThat(e.decision()).isEqualTo("DENIED");
                assertThat(e.reason()).contains("loopback");
                assertThat(e.actor()).startsWith("api:");
            });
        }
    }

    @Test
    void aProbeThatFindsNothingListeningBecomesEvidence() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        BotConfig config = BotConfig.defaults().withDataDir(data).withProbesAllow(List.of("127.0.0.1/32:" + closedPort));
        try (TestServer triage = TestServer.start(config)) {
            BotApplication app = triage.app();
            JsonNode opened = post(triage, "/api/cases?wait=true", Map.of("text",
                    "Remote Desktop can't connect to the remote computer. mstsc /v:127.0.0.1:" + closedPort));

            assertThat(opened.path("probes").get(2).path("status").asText()).isEqualTo("REFUSED");
            assertThat(evidenceOf(opened, "server.termservice-down")).contains("refused the connection");
            assertThat(app.store().auditTrail(opened.path("case").asText())).singleElement()
                    .satisfies(e -> assertThat(e.decision()).isEqualTo("ALLOWED"));
        }
    }

    @Test
    void anOversizedHostIsABadRequestAndIsStillAudited() throws Exception {
        String host = "a".repeat(63) + ".b".repeat(150) + ".example.com";
        BotConfig config = BotConfig.defaults().withDataDir(data).withProbesAllow(List.of(".example.com"));
        try (TestServer triage = TestServer.start(config)) {
            BotApplication app = triage.app();
            HttpResponse<String> r = triage.post("/api/diagnose", Map.of("text", "Error code: 0x204",
                    "host", host));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("'host' is not a host name or "
                    + "address: the host is " + host.length() + " characters long; a host name or address has at"
                    + " most 300");
            assertThat(app.store().recentAudit(5)).singleElement().satisfies(e -> {
                assertThat(e.decision()).isEqualTo("DENIED");
                assertThat(e.target()).hasSize(300).startsWith("aaa").endsWith("…");
                assertThat(e.reason()).contains("characters long");
            });
        }
    }

    private static String evidenceOf(JsonNode reply, String cause) {
        for (JsonNode c : reply.path("causes")) {
            if (c.path("id").asText().equals(cause)) {
                return c.path("evidence").toString();
            }
        }
        return "(" + cause + " is not ranked)";
    }

    private static JsonNode post(TestServer triage, String path, Map<String, String> body) throws Exception {
        HttpResponse<String> r = triage.post(path, body);
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return JSON.readTree(r.body());
    }
}
