package dev.triage.bot.backlog;

import dev.triage.bot.conversation.Reply;
import java.util.Objects;
import java.util.Optional;

/**
 * One ticket and what came of diagnosing it: a reply, or why there is none (an empty text, a paste too large).
 * Exactly one of {@code reply} and {@code error} is present.
 */
public record Diagnosed(Ticket ticket, Optional<Reply> reply, Optional<String> error) {
    public Diagnosed {
        Objects.requireNonNull(ticket, "ticket");
        if (reply.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a reply or an error, not both or neither");
        }
    }
}
