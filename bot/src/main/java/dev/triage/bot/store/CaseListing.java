package dev.triage.bot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the case list.
 *
 * @param caseId    the case id
 * @param createdAt when the case was opened
 * @param origin    where it came from
 * @param summary   its summary as of the latest turn; empty for a case that has none (opened before summaries existed)
 */
public record CaseListing(String caseId, Instant createdAt, String origin, Optional<CaseSummary> summary) {
    public CaseListing {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(summary, "summary");
    }
}
