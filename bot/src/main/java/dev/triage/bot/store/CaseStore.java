package dev.triage.bot.store;

import java.util.List;
import java.util.Optional;

/**
 * Durable storage of cases and the probe audit. Every method either completes durably or throws
 * {@link StoreException}; a write that returned survives a crash of the process. Safe for concurrent use.
 */
public interface CaseStore {

    /** Opens a new case and returns it (with no facts). */
    StoredCase create(String origin);

    /**
     * Appends facts to a case atomically, after its existing ones.
     *
     * @return the case with all its facts, or empty when there is no case with that id
     */
    Optional<StoredCase> append(String caseId, List<NewFact> facts);

    Optional<StoredCase> find(String caseId);

    /** Replaces the case's summary, which {@link #recentCases} lists and searches. Nothing happens for no case. */
    void summarise(String caseId, CaseSummary summary);

    /**
     * Cases newest first, a page at a time.
     *
     * @param query  words that must all occur (case-insensitively, as substrings) in the case's leading cause id or
     *               title, codes, host or text; blank lists every case
     * @param offset how many of the matching cases to skip
     * @param limit  the most to return
     */
    List<CaseListing> recentCases(String query, int offset, int limit);

    void audit(AuditEntry entry);

    List<AuditEntry> auditTrail(String caseId);

    /** The newest audit entries of all cases and of probes outside any case, newest first. */
    List<AuditEntry> recentAudit(int limit);

    /** A fact not yet stored. */
    record NewFact(FactKind kind, String payload) {
    }
}
