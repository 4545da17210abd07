package dev.triage.probes.internal.runner;

import dev.triage.probes.ProbeResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Passes "step finished" events on in ladder order, although the parallel tasks finish in any order: a result is
 * held until every earlier step was passed on. The first result offered for a step wins; later ones are ignored.
 */
final class OrderedFinishes {
    private static final List<String> ORDER = List.of("tcp", "rdp", "tls", "certificate", "ntlm");

    private final Events events;
    private final Map<String, ProbeResult> waiting = new HashMap<>();
    private final Map<String, ProbeResult> delivered = new HashMap<>();
    private int next;

    OrderedFinishes(Events events) {
        this.events = events;
    }

    /** Offers a result; returns the result that counts for its step (an earlier one, if there was one). */
    synchronized ProbeResult offer(ProbeResult result) {
        ProbeResult existing = delivered.getOrDefault(result.name(), waiting.get(result.name()));
        if (existing != null) {
            return existing;
        }
        waiting.put(result.name(), result);
        while (next < ORDER.size() && waiting.containsKey(ORDER.get(next))) {
            ProbeResult ready = waiting.remove(ORDER.get(next));
            delivered.put(ready.name(), ready);
            events.finished(ready);
            next++;
        }
        return result;
    }

    <T extends ProbeResult> T offerTyped(T result, Class<T> type) {
        return type.cast(offer(result));
    }
}
