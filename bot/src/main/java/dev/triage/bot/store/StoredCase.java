package dev.triage.bot.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A case as stored: its id, when and where it started, and all its facts in order.
 *
 * @param id        the case id, also the permalink's last segment
 * @param createdAt when the case was opened
 * @param origin    where it came from ({@code api}, {@code cli}, {@code web}, a chat platform)
 * @param facts     every fact, ordered by {@link Fact#seq()}
 */
public record StoredCase(String id, Instant createdAt, String origin, List<Fact> facts) {
    public StoredCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(origin, "origin");
        facts = List.copyOf(facts);
    }
}
