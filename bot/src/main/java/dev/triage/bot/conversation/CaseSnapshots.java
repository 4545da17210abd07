package dev.triage.bot.conversation;

import dev.triage.bot.store.CaseSummary;
import dev.triage.rules.Question;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest snapshot of recently active cases, so a turn reads only the facts stored since. Bounded: the least
 * recently used case is dropped, and a dropped or restarted case is simply folded again from its facts.
 */
final class CaseSnapshots {
    private final int capacity;
    private final Map<String, Entry> entries;

    CaseSnapshots(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * A case's snapshot; when known, the question its reply at that snapshot asked first; and the summary last
     * written for the case list, so an unchanged one is not written again.
     */
    record Entry(CaseSnapshot snapshot, Optional<Question> pending, Optional<CaseSummary> summarised) {
        Entry(CaseSnapshot snapshot) {
            this(snapshot, Optional.empty(), Optional.empty());
        }
    }

    synchronized Optional<Entry> get(String caseId) {
        return Optional.ofNullable(entries.get(caseId));
    }

    /** Keeps the entry unless a newer one is already here (two turns of one case can finish in either order). */
    synchronized void put(String caseId, Entry entry) {
        Entry current = entries.get(caseId);
        if (current != null && current.snapshot().lastSeq() > entry.snapshot().lastSeq()) {
            return;
        }
        entries.put(caseId, entry);
        if (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
    }
}
