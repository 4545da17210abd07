package dev.triage.bot;

import dev.triage.bot.store.AuditEntry;
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
    public Optional<StoredCase> append(String caseId, List<NewFact> facts) {
        throw new StoreException("one-shot diagnoses do not store cases");
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
    public List<AuditEntry> recentAudit(int limit) {
        return List.of();
    }

    @Override
    public List<AuditEntry> auditTrail(String caseId) {
        return List.of();
    }
}
