package dev.triage.rules.internal;

import dev.triage.rules.internal.pack.Pack;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every cause of the loaded packs ({@code causes.tsv}) with the scope of its fault and its pack. Scope decides what
 * "other hosts work from this PC" or "a healthy server answered the probes" does to a cause.
 */
public final class CauseCatalog {
    private final Map<String, CauseInfo> causes = new LinkedHashMap<>();
    private final Map<String, String> packs = new LinkedHashMap<>();

    private CauseCatalog(List<Pack> loaded) {
        for (Pack pack : loaded) {
            for (CauseInfo cause : pack.causes()) {
                causes.put(cause.id(), cause);
                packs.put(cause.id(), pack.id());
            }
        }
    }

    public static CauseCatalog of(List<Pack> packs) {
        return new CauseCatalog(packs);
    }

    public Set<String> ids() {
        return Set.copyOf(causes.keySet());
    }

    public boolean contains(String id) {
        return causes.containsKey(id);
    }

    /** The pack's causes as facts, for the pack's own rule session: no other pack's cause is in it. */
    public List<CauseInfo> facts(String pack) {
        return causes.values().stream().filter(c -> packs.get(c.id()).equals(pack)).toList();
    }
}
