package dev.triage.bot;

import dev.triage.bot.store.Appended;
import dev.triage.bot.store.AuditEntry;
import dev.triage.bot.store.CaseLimits;
import dev.triage.bot.store.Fact;
import dev.triage.bot.store.CaseListing;
import dev.triage.bot.store.CaseStore;
import dev.triage.bot.store.CaseSummary;
import dev.triage.bot.store.StoreException;
import dev.triage.bot.store.StoredCase;
import java.util.List;
import java.util.Optional;

/** The store of one-shot diagnoses: they open no case, so any attempt to store one is a bug. */
final class NoStore implements CaseStore {
    @Override
    public StoredCase create(String origin) {
        throw new StoreException("one-shot diagnoses do not store cases");
    }

    @Override
    public Appended append(String caseId, List<NewFact> facts, CaseLimits limits) {
        throw new StoreException("one-shot diagnoses do not store cases");
    }

    @Override
    public List<Fact> factsAfter(String caseId, int afterSeq) {
        return List.of();
    }

    @Override
    public Optional<StoredCase> find(String caseId) {
        return Optional.empty();
    }

    @Override
    public void summarise(String caseId, CaseSummary summary) {
        throw new StoreException("one-shot diagnoses do not store cases");
    }

    @Override
    public List<CaseListing> recentCases(String query, int offset, int limit) {
        return List.of();
    }

    @Override
    public void audit(AuditEntry entry) {
        throw new StoreException("one-shot diagnoses audit through the real store");
    }

    @Override
    public void recordFeedback(String caseId, String articleId, int step, boolean worked) {
        throw new StoreException("one-shot diagnoses do not store cases");
    }

    @Override
    public List<FixTally> fixTallies(java.util.Collection<String> articleIds) {
        return List.of();
    }

    @Override
    public List<AuditEntry> recentAudit(int limit) {
        return List.of();
    }

    @Override
    public List<AuditEntry> auditTrail(String caseId) {
        return List.of();
    }

    /** A one-shot diagnosis has no case to probe twice. */
    @Override
    public boolean claimProbe(String caseId, String target, java.time.Duration staleAfter) {
        return true;
    }

    @Override
    public boolean renewProbe(String caseId, String target) {
        return true;
    }

    @Override
    public void recordProbeStep(String caseId, String target, int seq, String step) {
    }

    @Override
    public List<String> probeSteps(String caseId, String target, int from) {
        return List.of();
    }

    @Override
    public void releaseProbe(String caseId, String target) {
    }

    @Override
    public List<String> probeClaims(String caseId, java.time.Duration staleAfter) {
        return List.of();
    }
}
