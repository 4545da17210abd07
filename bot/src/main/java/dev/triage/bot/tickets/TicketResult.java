package dev.triage.bot.tickets;

import java.util.Objects;

/** What a ticket system did with a case. */
public sealed interface TicketResult {

    /** A new ticket: its key (Jira {@code HD-12}, ServiceNow {@code INC0010001}) and where people open it. */
    record Created(String key, String url) implements TicketResult {
        public Created {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(url, "url");
        }
    }

    /** The case was added to an existing ticket as a comment or work note. */
    record Commented(String key, String url) implements TicketResult {
        public Commented {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * Nothing was created. The reason is for people ("Jira answered 500", "timed out after 15 s") and never holds a
     * secret; {@code retryable} says whether trying again later may work.
     */
    record Failed(String reason, boolean retryable) implements TicketResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
