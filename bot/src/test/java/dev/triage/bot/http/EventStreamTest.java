package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case's progress reaches an HTTP client as server-sent events, replayed from the start of the run. */
class EventStreamTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path data;

    @Test
    void theLadderStreamsStepByStepThenTheReRankedReplyThenIdle() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        BotConfig config = BotConfig.defaults().withDataDir(data).withProbesAllow(List.of("127.0.0.1/32:" + closedPort));
        try (TestServer triage = TestServer.start(config)) {
            BotApplication app = triage.app();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> opened = http.send(HttpRequest.newBuilder(uri(triage, "/api/cases"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("text", "mstsc /v:127.0.0.1:" + closedPort
                                    + " says Remote Desktop can't connect to the remote computer")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode reply = JSON.readTree(opened.body());
            assertThat(reply.path("probing").asBoolean()).isTrue();

            List<String[]> events = read(http, uri(triage, "/api/cases/" + reply.path("case").asText()
                    + "/events"));

            List<String> names = events.stream().map(e -> e[0]).toList();
            assertThat(names).contains("step", "reply").endsWith("idle");
            assertThat(names.indexOf("reply")).isGreaterThan(names.indexOf("step"));
            List<String> done = events.stream().filter(e -> e[0].equals("step") && e[1].contains("\"done\""))
                    .map(e -> field(e[1], "name") + "=" + field(e[1], "status")).toList();
            assertThat(done).startsWith("dns=RESOLVED", "policy=ALLOWED", "tcp=REFUSED");
            String settled = events.stream().filter(e -> e[0].equals("reply")).findFirst().orElseThrow()[1];
            assertThat(JSON.readTree(settled).path("probing").asBoolean()).isFalse();
            assertThat(settled).contains("REFUSED");
        }
    }

    @Test
    void anUnknownCaseGetsAnErrorEventNotAHangingStream() throws Exception {
        try (TestServer triage = TestServer.start(BotConfig.defaults().withDataDir(data))) {
            BotApplication app = triage.app();
            List<String[]> events = read(HttpClient.newHttpClient(), uri(triage, "/api/cases/nosuchcase/events"));
            assertThat(events).singleElement().satisfies(e -> assertThat(e[0]).isEqualTo("error"));
        }
    }

    /** Reads events until idle (or the stream ends): each as {name, data}. */
    private static List<String[]> read(HttpClient http, URI uri) throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/event-stream"));
        List<String[]> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String name = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:") && name != null) {
                    events.add(new String[] {name, line.substring(5).strip()});
                    if (name.equals("idle")) {
                        break;
                    }
                    name = null;
                }
            }
        }
        return events;
    }

    private static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(TestServer triage, String path) {
        return triage.uri(path);
    }
}
