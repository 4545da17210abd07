package dev.triage.bot.tickets;

import static dev.triage.bot.tickets.TicketHarness.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.config.TicketSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case sent to a stand-in of Jira Cloud's REST v3 API. */
class TicketJiraTest {
    private static final String CREATED = "{\"id\":\"10001\",\"key\":\"HD-12\",\"self\":\"x\"}";
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("agent@example.com:jira-token-xyz".getBytes(StandardCharsets.UTF_8));
    @TempDir
    Path data;

    private static TicketSettings jira(StandIn standIn) {
        return TicketSettings.none().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).withJira(
                new TicketSettings.Jira(standIn.url(), "agent@example.com", "jira-token-xyz", "HD", "Task"));
    }

    @Test
    void aCaseBecomesAnIssueWithItsPasteInACodeBlockThenASecondSendComments() throws Exception {
        try (StandIn jira = new StandIn(StandIn.Answer.json(201, CREATED), StandIn.Answer.json(201, "{\"id\":\"1\"}"));
                TicketHarness bot = new TicketHarness(data, jira(jira))) {
            String id = bot.openCase();

            var first = bot.send(id, Map.of("to", "jira"));

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree("{\"to\":\"jira\",\"key\":\"HD-12\","
                    + "\"url\":\"" + jira.url() + "/browse/HD-12\",\"action\":\"created\"}"));
            StandIn.Received create = jira.received().get(0);
            assertThat(create.method()).isEqualTo("POST");
            assertThat(create.pathAndQuery()).isEqualTo("/rest/api/3/issue");
            assertThat(create.header("Authorization")).isEqualTo(AUTH);
            assertThat(create.header("Content-Type")).isEqualTo("application/json");
            JsonNode fields = JSON.readTree(create.body()).path("fields");
            assertThat(fields.path("project").path("key").asText()).isEqualTo("HD");
            assertThat(fields.path("issuetype").path("name").asText()).isEqualTo("Task");
            assertThat(fields.path("summary").asText()).startsWith("Remote Desktop: ").contains("0x904")
                    .hasSizeLessThanOrEqualTo(255);
            JsonNode doc = fields.path("description");
            assertThat(doc.path("type").asText()).isEqualTo("doc");
            assertThat(doc.path("version").asInt()).isEqualTo(1);
            assertPasteOnlyInCodeBlocks(doc);
            String caseUrl = "http://localhost:8080/cases/" + id;
            assertThat(TicketHarness.adfMarks(doc)).singleElement().isEqualTo(JSON.readTree(
                    "{\"type\":\"link\",\"attrs\":{\"href\":\"" + caseUrl + "\"}}"));
            assertThat(TicketHarness.adfTexts(doc, "doc")).contains("paragraph: " + caseUrl)
                    .anyMatch(t -> t.startsWith("paragraph: ") && t.contains("% confidence"));

            var second = bot.send(id, Map.of("to", "jira"));

            assertThat(second.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(second.body()).path("action").asText()).isEqualTo("commented");
            assertThat(jira.received()).hasSize(2);
            StandIn.Received comment = jira.received().get(1);
            assertThat(comment.method()).isEqualTo("POST");
            assertThat(comment.pathAndQuery()).isEqualTo("/rest/api/3/issue/HD-12/comment");
            assertThat(comment.header("Authorization")).isEqualTo(AUTH);
            assertPasteOnlyInCodeBlocks(JSON.readTree(comment.body()).path("body"));

            List<JsonNode> tickets = ticketFacts(bot.facts(id));
            assertThat(tickets).hasSize(2).allSatisfy(t -> assertThat(t).isEqualTo(JSON.readTree(
                    "{\"to\":\"jira\",\"key\":\"HD-12\",\"url\":\"" + jira.url() + "/browse/HD-12\"}")));
            String page = bot.get("/cases/" + id).body();
            assertThat(page).contains("<p class=\"tickets\">Tickets: <a href=\"" + jira.url()
                    + "/browse/HD-12\" rel=\"noopener noreferrer\">jira HD-12</a>");
        }
    }

    @Test
    void anExplicitKeyCommentsOnThatIssue() throws Exception {
        try (StandIn jira = new StandIn(StandIn.Answer.json(201, "{\"id\":\"1\"}"));
                TicketHarness bot = new TicketHarness(data, jira(jira))) {
            String id = bot.openCase();

            var sent = bot.send(id, Map.of("key", "OPS-7"));

            assertThat(sent.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(sent.body()).path("action").asText()).isEqualTo("commented");
            assertThat(jira.received()).singleElement()
                    .satisfies(r -> assertThat(r.pathAndQuery()).isEqualTo("/rest/api/3/issue/OPS-7/comment"));
        }
    }

    @Test
    void aKeyThatIsNoJiraKeyIsRefusedBeforeAnythingIsSent() throws Exception {
        try (StandIn jira = new StandIn(StandIn.Answer.json(201, CREATED));
                TicketHarness bot = new TicketHarness(data, jira(jira))) {
            String id = bot.openCase();

            var sent = bot.send(id, Map.of("to", "jira", "key", "../../rest/api/3/project"));

            assertThat(sent.statusCode()).isEqualTo(422);
            assertThat(jira.received()).isEmpty();
        }
    }

    @Test
    void aFailingJiraLeavesTheCaseUnchangedAndSaysWhatHappened() throws Exception {
        try (StandIn jira = new StandIn(StandIn.Answer.json(500, "{\"errorMessages\":[\"Internal error\"]}"));
                TicketHarness bot = new TicketHarness(data, jira(jira))) {
            String id = bot.openCase();
            JsonNode before = bot.facts(id);

            var sent = bot.send(id, Map.of("to", "jira"));

            assertThat(sent.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(sent.body()).path("error").asText())
                    .startsWith("Jira answered 500: Internal error. The case is unchanged")
                    .doesNotContain("jira-token-xyz");
            assertThat(bot.facts(id)).isEqualTo(before);
        }
    }

    @Test
    void aJiraThatDoesNotAnswerTimesOutAndTheCaseIsIntact() throws Exception {
        try (StandIn jira = new StandIn(new StandIn.Answer(201, CREATED, 3_000));
                TicketHarness bot = new TicketHarness(data, jira(jira))) {
            String id = bot.openCase();
            JsonNode before = bot.facts(id);

            var sent = bot.send(id, Map.of("to", "jira"));

            assertThat(sent.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(sent.body()).path("error").asText()).startsWith("Jira timed out after 1 s.");
            assertThat(bot.facts(id)).isEqualTo(before);
            assertThat(ticketFacts(bot.facts(id))).isEmpty();
        }
    }

    /** Each hostile fragment appears in the document, and only inside code blocks. */
    static void assertPasteOnlyInCodeBlocks(JsonNode doc) {
        List<String> texts = TicketHarness.adfTexts(doc, "doc");
        for (String hostile : TicketHarness.HOSTILE) {
            assertThat(texts).filteredOn(t -> t.contains(hostile)).isNotEmpty()
                    .allSatisfy(t -> assertThat(t).startsWith("codeBlock: "));
        }
    }

    static List<JsonNode> ticketFacts(JsonNode facts) {
        List<JsonNode> out = new java.util.ArrayList<>();
        facts.forEach(f -> {
            if (f.path("kind").asText().equals("ticket")) {
                out.add(f.path("data"));
            }
        });
        return out;
    }
}
