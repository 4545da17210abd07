package dev.triage.bot.tickets;

import static dev.triage.bot.tickets.TicketHarness.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.config.TicketSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case sent to a stand-in of ServiceNow's Table API. */
class TicketServiceNowTest {
    private static final String SYS_ID = "9d385017c611228701d22104cc95c371";
    private static final String CREATED = "{\"result\":{\"sys_id\":\"" + SYS_ID + "\",\"number\":\"INC0010001\"}}";
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("triage.bot:sn-pass-123".getBytes(StandardCharsets.UTF_8));
    @TempDir
    Path data;

    private static TicketSettings serviceNow(StandIn standIn) {
        return TicketSettings.none().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withServiceNow(new TicketSettings.ServiceNow(standIn.url() + "/", "triage.bot", "sn-pass-123"));
    }

    @Test
    void aCaseBecomesAnIncidentInPlainTextThenASecondSendAddsWorkNotes() throws Exception {
        try (StandIn sn = new StandIn(StandIn.Answer.json(201, CREATED),
                StandIn.Answer.json(200, "{\"result\":[{\"sys_id\":\"" + SYS_ID + "\",\"number\":\"INC0010001\"}]}"),
                StandIn.Answer.json(200, "{\"result\":{\"sys_id\":\"" + SYS_ID + "\"}}"));
                TicketHarness bot = new TicketHarness(data, serviceNow(sn))) {
            String id = bot.openCase();

            var first = bot.send(id, Map.of("to", "servicenow"));

            assertThat(first.statusCode()).isEqualTo(201);
            String url = sn.url() + "/incident.do?sys_id=" + SYS_ID;
            assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree("{\"to\":\"servicenow\",\"key\":"
                    + "\"INC0010001\",\"url\":\"" + url + "\",\"action\":\"created\"}"));
            StandIn.Received create = sn.received().get(0);
            assertThat(create.method()).isEqualTo("POST");
            assertThat(create.pathAndQuery()).isEqualTo("/api/now/table/incident?sysparm_fields=sys_id,number");
            assertThat(create.header("Authorization")).isEqualTo(AUTH);
            JsonNode incident = JSON.readTree(create.body());
            assertThat(incident.properties()).extracting(Map.Entry::getKey)
                    .containsExactly("short_description", "description");
            assertThat(incident.path("short_description").asText()).startsWith("Remote Desktop: ").contains("0x904")
                    .hasSizeLessThanOrEqualTo(160);
            String description = incident.path("description").asText();
            assertThat(description).startsWith("Diagnosed by Triage, case http://localhost:8080/cases/" + id + "\n")
                    .contains("    [x](javascript:alert(1)) @here ![i](http://x/i.png) <script>alert(1)</script>\n")
                    .contains("Likely causes:\n1. ");

            var second = bot.send(id, Map.of("to", "servicenow"));

            assertThat(second.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(second.body()).path("action").asText()).isEqualTo("commented");
            StandIn.Received lookup = sn.received().get(1);
            assertThat(lookup.method()).isEqualTo("GET");
            assertThat(lookup.pathAndQuery()).isEqualTo("/api/now/table/incident?sysparm_query=number%3DINC0010001"
                    + "&sysparm_fields=sys_id,number&sysparm_limit=1");
            assertThat(lookup.header("Authorization")).isEqualTo(AUTH);
            StandIn.Received patch = sn.received().get(2);
            assertThat(patch.method()).isEqualTo("PATCH");
            assertThat(patch.pathAndQuery()).isEqualTo("/api/now/table/incident/" + SYS_ID + "?sysparm_fields=sys_id");
            JsonNode note = JSON.readTree(patch.body());
            assertThat(note.properties()).extracting(Map.Entry::getKey).containsExactly("work_notes");
            assertThat(note.path("work_notes").asText()).startsWith("Triage sent this case again, case http://")
                    .contains("    [x](javascript:alert(1))");
            assertThat(TicketJiraTest.ticketFacts(bot.facts(id))).hasSize(2);
        }
    }

    @Test
    void anUnknownIncidentNumberFailsWithoutTouchingTheCase() throws Exception {
        try (StandIn sn = new StandIn(StandIn.Answer.json(200, "{\"result\":[]}"));
                TicketHarness bot = new TicketHarness(data, serviceNow(sn))) {
            String id = bot.openCase();
            JsonNode before = bot.facts(id);

            var sent = bot.send(id, Map.of("key", "INC0099999"));

            assertThat(sent.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(sent.body()).path("error").asText())
                    .startsWith("ServiceNow has no incident INC0099999.");
            assertThat(sn.received()).hasSize(1);
            assertThat(bot.facts(id)).isEqualTo(before);
        }
    }

    @Test
    void aFailingServiceNowIsReportedAndTheCaseIsIntact() throws Exception {
        try (StandIn sn = new StandIn(StandIn.Answer.json(500,
                "{\"error\":{\"message\":\"Transaction cancelled\"},\"status\":\"failure\"}"));
                TicketHarness bot = new TicketHarness(data, serviceNow(sn))) {
            String id = bot.openCase();
            JsonNode before = bot.facts(id);

            var sent = bot.send(id, Map.of());

            assertThat(sent.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(sent.body()).path("error").asText())
                    .startsWith("ServiceNow answered 500: Transaction cancelled. The case is unchanged")
                    .doesNotContain("sn-pass-123");
            assertThat(bot.facts(id)).isEqualTo(before);
        }
    }

    @Test
    void aServiceNowThatDoesNotAnswerTimesOut() throws Exception {
        try (StandIn sn = new StandIn(new StandIn.Answer(201, CREATED, 3_000));
                TicketHarness bot = new TicketHarness(data, serviceNow(sn))) {
            String id = bot.openCase();

            var sent = bot.send(id, Map.of("to", "servicenow"));

            assertThat(sent.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(sent.body()).path("error").asText()).startsWith("ServiceNow timed out after 1 s.");
            assertThat(TicketJiraTest.ticketFacts(bot.facts(id))).isEmpty();
        }
    }
}
