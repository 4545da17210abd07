package dev.triage.bot.tickets;

import java.util.List;

/** What came of sending a case to a ticket system. */
public sealed interface TicketOutcome {

    /** The ticket was created or commented on, and the link is stored on the case. */
    record Sent(TicketLink link, Action action) implements TicketOutcome {
    }

    /** There is no such case. */
    record NoSuchCase(String caseId) implements TicketOutcome {
    }

    /** The request names no usable target or key; nothing was sent. {@code configured} lists the targets there are. */
    record Rejected(String message, List<String> configured) implements TicketOutcome {
        public Rejected {
            configured = List.copyOf(configured);
        }
    }

    /** The ticket system failed; the case is unchanged and the message says what happened. */
    record Failed(String message, boolean retryable) implements TicketOutcome {
    }

    /** Whether a ticket was made or an existing one got the case. */
    enum Action {
        CREATED, COMMENTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
