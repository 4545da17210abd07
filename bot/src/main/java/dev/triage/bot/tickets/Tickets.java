package dev.triage.bot.tickets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotException;
import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.render.CaseJson;
import dev.triage.bot.render.Untrusted;
import dev.triage.bot.store.Appended;
import dev.triage.bot.store.CaseLimits;
import dev.triage.bot.store.CaseStore;
import dev.triage.bot.store.CaseStore.NewFact;
import dev.triage.bot.store.Fact;
import dev.triage.bot.store.FactKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends cases to the configured ticket systems. A case sent to a system again is added to the ticket it already has
 * there (the newest {@code TICKET} fact for that system) instead of opening a second one; an explicit key adds it to
 * that ticket. Only a success changes the case: it gains a {@code TICKET} fact with the link. Safe for concurrent
 * use, though two sends of one case to one system at the same moment can both create a ticket.
 */
public final class Tickets {
    private static final Logger LOG = LoggerFactory.getLogger(Tickets.class);

    private final Conversations conversations;
    private final CaseStore store;
    private final CaseJson caseJson;
    private final ObjectMapper json;
    private final String publicUrl;
    private final Map<String, TicketTarget> targets = new LinkedHashMap<>();

    public Tickets(Conversations conversations, CaseStore store, ObjectMapper json, String publicUrl,
            List<TicketTarget> targets) {
        this.conversations = conversations;
        this.store = store;
        this.caseJson = new CaseJson(json);
        this.json = json;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        targets.forEach(t -> this.targets.put(t.name(), t));
    }

    /** The names of the configured targets, in a fixed order; empty when none is configured. */
    public List<String> targets() {
        return List.copyOf(targets.keySet());
    }

    /**
     * Sends the case.
     *
     * @param to  the target's name; may be empty when exactly one target is configured
     * @param key an existing ticket to add the case to, instead of the stored one or a new one
     */
    public TicketOutcome send(String caseId, Optional<String> to, Optional<String> key) {
        Optional<TicketTarget> target = pick(to);
        if (target.isEmpty()) {
            return new TicketOutcome.Rejected(unknownTarget(to), targets());
        }
        if (key.isPresent() && !target.get().validKey(key.get())) {
            return new TicketOutcome.Rejected("'" + Untrusted.oneLine(key.get())
                    + "' is not a " + target.get().name() + " ticket key.", targets());
        }
        Optional<CaseView> view = conversations.view(caseId);
        if (view.isEmpty()) {
            return new TicketOutcome.NoSuchCase(caseId);
        }
        Optional<String> existing = key.or(() -> linked(view.get().stored().facts(), target.get().name()));
        String caseUrl = publicUrl + "/cases/" + caseId;
        TicketContent content = TicketContent.of(view.get(), caseUrl, caseJson.render(view.get(), false).toString());
        TicketResult result = target.get().send(content, existing);
        return record(caseId, target.get().name(), result);
    }

    private TicketOutcome record(String caseId, String to, TicketResult result) {
        if (result instanceof TicketResult.Failed failed) {
            LOG.warn("ticket: case {} was not sent to {}: {}", caseId, to, failed.reason());
            return new TicketOutcome.Failed(failed.reason(), failed.retryable());
        }
        TicketLink link;
        TicketOutcome.Action action;
        if (result instanceof TicketResult.Created created) {
            link = new TicketLink(to, created.key(), created.url());
            action = TicketOutcome.Action.CREATED;
        } else {
            TicketResult.Commented commented = (TicketResult.Commented) result;
            link = new TicketLink(to, commented.key(), commented.url());
            action = TicketOutcome.Action.COMMENTED;
        }
        Appended appended = store.append(caseId, List.of(new NewFact(FactKind.TICKET, write(link))),
                CaseLimits.standard());
        if (!(appended instanceof Appended.Stored)) {
            // The ticket exists either way; the user gets its link, and the log says the case could not hold it.
            LOG.warn("ticket: case {} was sent to {} as {} but the link could not be stored: {}", caseId, to,
                    link.key(), appended);
        }
        LOG.info("ticket: case {} sent to {} as {} ({})", caseId, to, link.key(), action.label());
        return new TicketOutcome.Sent(link, action);
    }

    private Optional<TicketTarget> pick(Optional<String> to) {
        if (to.isEmpty()) {
            return targets.size() == 1 ? Optional.of(targets.values().iterator().next()) : Optional.empty();
        }
        return Optional.ofNullable(targets.get(to.get().strip().toLowerCase(Locale.ROOT)));
    }

    private String unknownTarget(Optional<String> to) {
        String configured = targets.isEmpty() ? "No ticket system is configured."
                : "Configured: " + String.join(", ", targets.keySet()) + ".";
        if (to.isEmpty()) {
            return "Say which ticket system to send the case to ('to'). " + configured;
        }
        String name = Untrusted.oneLine(to.get());
        boolean known = List.of("jira", "servicenow", "webhook")
                .contains(name.strip().toLowerCase(Locale.ROOT));
        return (known ? "The ticket system '" + name + "' is not configured. " : "There is no ticket system '" + name
                + "' (jira, servicenow or webhook). ") + configured;
    }

    /** The key of the newest ticket the case has at this target. */
    private Optional<String> linked(List<Fact> facts, String to) {
        Optional<String> key = Optional.empty();
        for (Fact fact : facts) {
            if (fact.kind() == FactKind.TICKET) {
                TicketLink link = TicketLink.of(read(fact.payload()));
                if (link.to().equals(to) && !link.key().isEmpty()) {
                    key = Optional.of(link.key());
                }
            }
        }
        return key;
    }

    private String write(TicketLink link) {
        try {
            return json.writeValueAsString(link.payload());
        } catch (JsonProcessingException e) {
            throw new BotException("cannot encode a ticket link", e);
        }
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new BotException("a stored ticket link is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
