package dev.triage.bot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One audited probe decision.
 *
 * @param at       when
 * @param actor    who asked (a user id with its platform, or {@code cli})
 * @param caseId   the case the probe belongs to, when there is one
 * @param target   the target as the user typed it
 * @param address  the vetted address that was (or would have been) connected to
 * @param decision {@code ALLOWED}, {@code DENIED} or {@code RATE_LIMITED}
 * @param reason   why, in words
 * @param results  the probe results as JSON, when it ran
 * @param surface  where the request came from ({@code web}, {@code slack}, {@code cli}, ...)
 * @param place    the channel (and thread) it was asked in, empty where the surface has none
 */
public record AuditEntry(
        Instant at,
        String actor,
        Optional<String> caseId,
        String target,
        Optional<String> address,
        String decision,
        String reason,
        Optional<String> results,
        String surface,
        String place) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(place, "place");
    }

    /** An entry whose surface is the actor's prefix ({@code cli:me} → {@code cli}) and that has no place. */
    public AuditEntry(Instant at, String actor, Optional<String> caseId, String target, Optional<String> address,
            String decision, String reason, Optional<String> results) {
        this(at, actor, caseId, target, address, decision, reason, results,
                actor.contains(":") ? actor.substring(0, actor.indexOf(':')) : "", "");
    }
}
