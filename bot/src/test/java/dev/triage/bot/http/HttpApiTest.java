package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.config.BotConfig;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DIALOG = "Error code: 0x904\nExtended error code: 0x7";
    @TempDir
    static Path data;
    static TestServer triage;

    @BeforeAll
    static void start() {
        triage = TestServer.start(BotConfig.defaults().withDataDir(data));
    }

    @AfterAll
    static void stop() {
        triage.close();
    }

    @Test
    void diagnoseAnswersWithTheContractShape() throws Exception {
        HttpResponse<String> r = post("/api/diagnose", "{\"text\": \"" + DIALOG.replace("\n", "\\n")
                + "\", \"answers\": {\"environment\": \"azure\"}, \"probes\": false}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        for (String field : new String[] {"codes", "causes", "fixes", "questions", "probes", "articles"}) {
            assertThat(body.path(field).isArray()).as(field).isTrue();
        }
        assertThat(body.path("case").isNull()).isTrue();
    }

    @Test
    void aConversationKeepsItsFactsAndAnswers() throws Exception {
        HttpResponse<String> opened = post("/api/cases", "{\"text\": \"" + DIALOG.replace("\n", "\\n") + "\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        String id = JSON.readTree(opened.body()).path("case").asText();
        assertThat(opened.headers().firstValue("Location")).contains("/api/cases/" + id);

        HttpResponse<String> answered = post("/api/cases/" + id + "/messages", "{\"answer\": {\"vpn\": \"vpn\"}}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

        JsonNode stored = JSON.readTree(get("/api/cases/" + id).body());
        assertThat(stored.path("facts")).extracting(f -> f.path("kind").asText()).containsExactly("message", "answer");
        assertThat(stored.path("causes")).isEqualTo(JSON.readTree(answered.body()).path("causes"));
    }

    @Test
    void badRequestsGetClearMessages() throws Exception {
        assertError(post("/api/diagnose", "{not json"), 400, "not valid JSON");
        assertError(post("/api/diagnose", "[1,2]"), 400, "JSON object");
        assertError(post("/api/diagnose", "{\"text\": 5}"), 400, "'text' is required");
        assertError(post("/api/diagnose", "{\"text\": \"  \"}"), 422, "Nothing to diagnose");
        assertError(post("/api/diagnose", "{\"text\": \"x\", \"answers\": {\"environment\": \"mars\"}}"), 422,
                "not an answer");
        assertError(post("/api/cases/nosuchcase/messages", "{\"text\": \"hello\"}"), 404, "no case");
        assertError(get("/api/cases/nosuchcase"), 404, "no case");
        assertError(post("/api/cases", "{\"text\": \"" + "x".repeat(300 * 1024) + "\"}"), 422, "limit");
        assertError(post("/api/cases", "{\"text\": \"" + "x".repeat(1024 * 1024) + "\"}"), 413, "larger than");
    }

    @Test
    void permalinksEscapePastedText() throws Exception {
        String hostile = "<script>alert(1)</script> Error code: 0x904 [link](javascript:x)";
        String id = JSON.readTree(post("/api/cases", JSON.writeValueAsString(java.util.Map.of("text", hostile)))
                .body()).path("case").asText();

        HttpResponse<String> page = get("/cases/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> md = get("/cases/" + id + ".md");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.body()).contains("# Triage case " + id).contains("```text\n" + hostile);
        assertThat(get("/cases/nosuchcase.md").statusCode()).isEqualTo(404);
    }

    private static void assertError(HttpResponse<String> r, int status, String text) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(JSON.readTree(r.body()).path("error").asText()).contains(text);
    }

    static HttpResponse<String> post(String path, String body) {
        return triage.post(path, body);
    }

    static HttpResponse<String> get(String path) {
        return triage.get(path);
    }
}
