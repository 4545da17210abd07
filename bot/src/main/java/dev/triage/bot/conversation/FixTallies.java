package dev.triage.bot.conversation;

import dev.triage.bot.store.CaseStore;
import dev.triage.bot.store.CaseStore.FixTally;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How often each fix step worked, across cases, read from the store at most every few seconds per article: every
 * reply shows the tallies, while feedback is rare. Feedback recorded here is visible at once.
 */
final class FixTallies {
    private static final long FRESH_NANOS = 10_000_000_000L;
    private final CaseStore store;
    private final Map<String, Cached> byArticle = new ConcurrentHashMap<>();

    private record Cached(Map<Integer, Reply.Tally> steps, long readAt) {
    }

    FixTallies(CaseStore store) {
        this.store = store;
    }

    /** The tally of each rated step of these articles, keyed {@code article#step}. */
    Map<String, Reply.Tally> of(List<String> articleIds) {
        long now = System.nanoTime();
        List<String> stale = articleIds.stream().distinct()
                .filter(id -> !byArticle.containsKey(id) || now - byArticle.get(id).readAt() > FRESH_NANOS).toList();
        if (!stale.isEmpty()) {
            Map<String, Map<Integer, Reply.Tally>> read = new HashMap<>();
            stale.forEach(id -> read.put(id, new HashMap<>()));
            for (FixTally t : store.fixTallies(stale)) {
                read.get(t.articleId()).put(t.step(), new Reply.Tally(t.worked(), t.tried()));
            }
            read.forEach((id, steps) -> byArticle.put(id, new Cached(Map.copyOf(steps), now)));
        }
        Map<String, Reply.Tally> out = new HashMap<>();
        for (String id : articleIds) {
            Cached cached = byArticle.get(id);
            if (cached != null) {
                cached.steps().forEach((step, tally) -> out.put(id + "#" + step, tally));
            }
        }
        return out;
    }

    /** Forgets an article's tallies after feedback on it, so the next reply reads them again. */
    void changed(String articleId) {
        byArticle.remove(articleId);
    }
}
