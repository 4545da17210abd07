package dev.triage.bot.tickets;

import java.util.Optional;

/**
 * One ticket system. Implementations are safe for concurrent use, bound every call by a timeout and report every
 * failure of the far side as {@link TicketResult.Failed}; they throw only for bugs.
 */
public interface TicketTarget {

    /** The name users pick it by: {@code jira}, {@code servicenow}, {@code webhook}. */
    String name();

    /** Whether {@code key} has the shape of one of this system's ticket keys; checked before anything is sent. */
    boolean validKey(String key);

    /** Creates a ticket for the case, or, with {@code existing}, adds the case to that ticket. */
    TicketResult send(TicketContent content, Optional<String> existing);
}
