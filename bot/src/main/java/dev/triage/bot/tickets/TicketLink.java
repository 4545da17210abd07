package dev.triage.bot.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;

/**
 * A ticket a case was sent to, stored on the case as a {@code TICKET} fact:
 * {@code {"to": "jira", "key": "HD-12", "url": "https://..."}}.
 */
public record TicketLink(String to, String key, String url) {
    public TicketLink {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
    }

    static TicketLink of(JsonNode payload) {
        return new TicketLink(payload.path("to").asText(), payload.path("key").asText(), payload.path("url").asText());
    }

    Map<String, String> payload() {
        return Map.of("to", to, "key", key, "url", url);
    }
}
