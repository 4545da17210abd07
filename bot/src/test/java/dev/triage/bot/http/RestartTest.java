package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.cli.ServeProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server process, killed with SIGKILL between turns: the case, its probe results and feedback survive. */
class RestartTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path data;
    int closedPort;

    @Test
    void aCaseItsProbeResultsAndItsFeedbackSurviveKillNine() throws Exception {
        closedPort = freePort();
        String id;
        JsonNode beforeKill;
        try (ServeProcess first = startServer()) {
            int port = first.port();
            JsonNode opened = JSON.readTree(post(port, "/api/cases?wait=true", "{\"text\": \"mstsc /v:127.0.0.1:"
                    + closedPort + "\\nError code: 0x904\\nExtended error code: 0x7\"}"));
            id = opened.path("case").asText();
            assertThat(opened.path("probes").toString()).contains("REFUSED");
            JsonNode fix = opened.path("fixes").path(0);
            post(port, "/api/cases/" + id + "/feedback", "{\"article\": \"" + fix.path("article").asText()
                    + "\", \"step\": 0, \"worked\": true}");
            beforeKill = JSON.readTree(post(port, "/api/cases/" + id + "/messages",
                    "{\"answer\": {\"vpn\": \"direct\"}}"));
            first.kill();
        }

        try (ServeProcess second = startServer()) {
            int port = second.port();
            JsonNode afterRestart = JSON.readTree(get(port, "/api/cases/" + id));
            assertThat(afterRestart.path("facts")).extracting(f -> f.path("kind").asText())
                    .containsExactly("message", "probe_run", "feedback", "answer");
            assertThat(afterRestart.path("causes")).isEqualTo(beforeKill.path("causes"));
            assertThat(afterRestart.path("questions")).isEqualTo(beforeKill.path("questions"));
            assertThat(afterRestart.path("probes")).isEqualTo(beforeKill.path("probes"));
            assertThat(afterRestart.path("fixes")).isEqualTo(beforeKill.path("fixes"));
            assertThat(afterRestart.path("fixes").toString()).contains("\"worked\":1,\"tried\":1");

            JsonNode next = JSON.readTree(post(port, "/api/cases/" + id + "/messages",
                    "{\"answer\": {\"other-hosts-work\": \"yes\"}}"));
            assertThat(next.path("case").asText()).isEqualTo(id);
            assertThat(next.path("probing").asBoolean()).as("the host was probed once, before the restart").isFalse();
        }
    }

    private ServeProcess startServer() throws IOException {
        return ServeProcess.start(Map.of("TRIAGE_PROBES_ALLOW", "127.0.0.1/32:" + closedPort), data);
    }

    private String post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return r.body();
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
