package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server process, killed with SIGKILL between turns: the case and its answers must survive. */
class RestartTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir
    Path data;

    @Test
    void aCaseSurvivesKillNine() throws Exception {
        int port = freePort();
        Process first = startServer(port);
        String id;
        JsonNode beforeKill;
        try {
            id = JSON.readTree(post(port, "/api/cases", "{\"text\": \"Error code: 0x904\\nExtended error code: 0x7\"}"))
                    .path("case").asText();
            beforeKill = JSON.readTree(post(port, "/api/cases/" + id + "/messages",
                    "{\"answer\": {\"environment\": \"azure\"}}"));
        } finally {
            first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        Process second = startServer(port);
        try {
            JsonNode afterRestart = JSON.readTree(get(port, "/api/cases/" + id));
            assertThat(afterRestart.path("facts")).extracting(f -> f.path("kind").asText())
                    .containsExactly("message", "answer");
            assertThat(afterRestart.path("causes")).isEqualTo(beforeKill.path("causes"));
            assertThat(afterRestart.path("questions")).isEqualTo(beforeKill.path("questions"));

            JsonNode next = JSON.readTree(post(port, "/api/cases/" + id + "/messages",
                    "{\"answer\": {\"other-hosts-work\": \"yes\"}}"));
            assertThat(next.path("case").asText()).isEqualTo(id);
        } finally {
            second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process startServer(int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.triage.bot.BotApplication", "serve", "--port", String.valueOf(port), "--data", data.toString()))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains("Triage is listening")) {
                drain(out);
                return p;
            }
        }
        throw new AssertionError("the server did not start:\n" + seen);
    }

    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe from filling up
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private String post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
