package dev.triage.bot.store;

/**
 * What one retention purge deleted.
 *
 * @param cases        cases whose newest fact was older than the cut-off
 * @param facts        the facts of those cases
 * @param auditEntries probe-audit entries older than the audit cut-off
 */
public record Purged(int cases, int facts, int auditEntries) {
}
