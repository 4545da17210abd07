package dev.triage.bot.tickets;

import static dev.triage.bot.tickets.TicketHarness.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.config.ConfigException;
import dev.triage.bot.config.TicketSettings;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing a target: what is configured, what is refused, and how the settings switch targets on. */
class TicketRoutesTest {
    @TempDir
    Path data;

    @Test
    void withNoTargetTheListIsEmptyAndASendSaysNoneIsConfigured() throws Exception {
        try (TicketHarness bot = new TicketHarness(data, TicketSettings.none())) {
            assertThat(JSON.readTree(bot.get("/api/tickets/targets").body()))
                    .isEqualTo(JSON.readTree("{\"targets\":[]}"));
            String id = bot.openCase();

            var sent = bot.send(id, Map.of("to", "jira"));

            assertThat(sent.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("{\"error\":\"The ticket system 'jira' is"
                    + " not configured. No ticket system is configured.\",\"targets\":[]}"));
        }
    }

    @Test
    void anUnknownOrMissingTargetListsTheConfiguredOnes() throws Exception {
        try (StandIn far = new StandIn(StandIn.Answer.json(500, ""));
                TicketHarness bot = new TicketHarness(data, TicketSettings.none()
                        .withJira(new TicketSettings.Jira(far.url(), "u", "t", "HD", "Task"))
                        .withWebhook(new TicketSettings.Webhook(far.url(), "s")))) {
            assertThat(JSON.readTree(bot.get("/api/tickets/targets").body()))
                    .isEqualTo(JSON.readTree("{\"targets\":[\"jira\",\"webhook\"]}"));
            String id = bot.openCase();

            var unknown = bot.send(id, Map.of("to", "bugzilla"));
            var unnamed = bot.send(id, Map.of());

            assertThat(unknown.statusCode()).isEqualTo(422);
            assertThat(JSON.readTree(unknown.body()).path("error").asText()).isEqualTo("There is no ticket system"
                    + " 'bugzilla' (jira, servicenow or webhook). Configured: jira, webhook.");
            assertThat(JSON.readTree(unknown.body()).path("targets")).isEqualTo(JSON.readTree("[\"jira\",\"webhook\"]"));
            assertThat(unnamed.statusCode()).isEqualTo(422);
            assertThat(far.received()).isEmpty();
        }
    }

    @Test
    void anUnknownCaseIs404AndNothingIsSent() throws Exception {
        try (StandIn far = new StandIn(StandIn.Answer.json(201, "{}"));
                TicketHarness bot = new TicketHarness(data, TicketSettings.none()
                        .withWebhook(new TicketSettings.Webhook(far.url(), "s")))) {
            var sent = bot.send("nosuchcase", Map.of());

            assertThat(sent.statusCode()).isEqualTo(404);
            assertThat(far.received()).isEmpty();
        }
    }

    @Test
    void aTargetSwitchesOnWhenAllItsSettingsArePresentAndAPartialSetNamesWhatIsMissing() {
        TicketSettings all = TicketSettings.fromEnv(Map.of("JIRA_URL", "https://example.atlassian.net/",
                "JIRA_USER", "a@example.com", "JIRA_API_TOKEN", "tok", "JIRA_PROJECT", "HD",
                "TICKET_WEBHOOK_URL", "https://hooks.example/t", "TICKET_WEBHOOK_SECRET", "s"));

        assertThat(all.jira()).hasValueSatisfying(j -> {
            assertThat(j.url()).isEqualTo("https://example.atlassian.net");
            assertThat(j.issueType()).isEqualTo("Task");
            assertThat(j.toString()).doesNotContain("tok");
        });
        assertThat(all.serviceNow()).isEmpty();
        assertThat(all.webhook().orElseThrow().toString()).doesNotContain("secret=");
        Assertions.assertThatThrownBy(() -> TicketSettings.fromEnv(Map.of("SERVICENOW_URL", "https://x.service-now.com",
                "SERVICENOW_PASSWORD", "hunter2")))
                .isInstanceOf(ConfigException.class).hasMessage("SERVICENOW_URL and its settings go together;"
                        + " missing: SERVICENOW_USER").hasMessageNotContaining("hunter2");
    }
}
