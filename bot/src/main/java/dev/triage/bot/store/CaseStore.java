package dev.triage.bot.store;

import java.time.Duration;
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
     * Appends facts to a case atomically, after its existing ones, unless that would pass {@code limits}; the check
     * and the append happen under the case's lock, so concurrent appends cannot pass a limit together.
     */
    Appended append(String caseId, List<NewFact> facts, CaseLimits limits);

    /** The case with all its facts. */
    Optional<StoredCase> find(String caseId);

    /** The facts of a case after {@code afterSeq} (all of them for -1), in order; empty for an unknown case. */
    List<Fact> factsAfter(String caseId, int afterSeq);
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

    /** Records whether a fix step worked in a case; a second answer for the same case and step replaces the first. */
    void recordFeedback(String caseId, String articleId, int step, boolean worked);

    /** How often each step of these articles' fixes worked, across all cases. Steps nobody rated are absent. */
    List<FixTally> fixTallies(java.util.Collection<String> articleIds);

    /**
     * Claims the probing of {@code target} in the case for this caller, among every instance sharing the store:
     * true for exactly one of several racing callers. A claim older than {@code staleAfter} belongs to an instance
     * that died mid-run and is taken over.
     */
    boolean claimProbe(String caseId, String target, Duration staleAfter);

    /**
     * Renews the caller's claim while its run goes on, so a claim is short-lived (a lease) yet holds for a long run;
     * false when there is no claim to renew.
     */
    boolean renewProbe(String caseId, String target);

    /**
     * Stores step number {@code seq} (from 0) of the claimed run as it ends, as JSON, so every instance can show
     * the run's progress; a new claim of the target clears them.
     */
    void recordProbeStep(String caseId, String target, int seq, String step);

    /** The steps of the target's current run stored so far, from number {@code from} on. */
    List<String> probeSteps(String caseId, String target, int from);

    /** Gives back a claim whose run stored nothing (rate-limited, failed), so a later turn may probe again. */
    void releaseProbe(String caseId, String target);

    /** The targets claimed in the case within {@code staleAfter}, oldest first. */
    List<String> probeClaims(String caseId, Duration staleAfter);

    /** One fix step's record across cases. */
    record FixTally(String articleId, int step, int worked, int tried) {
    }

    /** A fact not yet stored. */
    record NewFact(FactKind kind, String payload) {
    }
}
