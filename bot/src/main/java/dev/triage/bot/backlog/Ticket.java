package dev.triage.bot.backlog;

import java.util.Objects;

/**
 * One ticket of a backlog: where it starts in the file, its id in the ticket system, and the text to diagnose.
 *
 * @param line the line of the file the ticket's row starts on (1 = the first line)
 * @param id   the ticket system's id, or {@code line-N} when the row has none
 * @param text the ticket's text columns, joined by blank lines
 */
public record Ticket(int line, String id, String text) {
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
