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
 */
public record AuditEntry(
        Instant at,
        String actor,
        Optional<String> caseId,
        String target,
        Optional<String> address,
        String decision,
        String reason,
        Optional<String> results) {
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(results, "results");
    }
}
