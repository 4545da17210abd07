package dev.triage.bot.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored fact of a case. The payload's shape depends on the kind; {@link FactKind} documents each.
 *
 * @param seq     0-based position in the case, gap-free
 * @param kind    what the payload is
 * @param payload the fact as JSON text
 * @param at      when it was recorded
 */
public record Fact(int seq, FactKind kind, String payload, Instant at) {
    public Fact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
    }
}
