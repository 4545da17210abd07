package dev.triage.bot.tickets;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.config.TicketSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the targets whose settings are present, in the order jira, servicenow, webhook. */
public final class TicketTargets {
    // Half a second, then a second (each plus jitter): a receiver that is restarting gets a moment to come back.
    private static final Duration WEBHOOK_BACKOFF = Duration.ofMillis(500);

    private TicketTargets() {
    }

    public static List<TicketTarget> from(TicketSettings settings, ObjectMapper json, Clock clock) {
        List<TicketTarget> targets = new ArrayList<>();
        settings.jira().ifPresent(jira -> targets.add(new JiraTarget(jira, remote("Jira", settings), json)));
        settings.serviceNow().ifPresent(sn -> targets.add(new ServiceNowTarget(sn, remote("ServiceNow", settings),
                json, clock)));
        settings.webhook().ifPresent(hook -> targets.add(new WebhookTarget(hook, remote("The webhook", settings), json,
                clock, WEBHOOK_BACKOFF)));
        return List.copyOf(targets);
    }

    private static Remote remote(String system, TicketSettings settings) {
        return new Remote(system, settings.connectTimeout(), settings.requestTimeout());
    }
}
