package dev.triage.bot.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each case's progress to its subscribers. A subscriber that connects late (a browser opening its event
 * stream just after its message was answered) first receives the events of the case's current or latest run, so it
 * misses nothing. Thread-safe; keeps the runs of the most recently active cases only.
 */
public final class CaseEvents {
    private static final Logger LOG = LoggerFactory.getLogger(CaseEvents.class);
    private static final int KEPT_CASES = 5_000;

    private final Map<String, Run> runs = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, List<Consumer<CaseEvent>>> subscribers = new HashMap<>();

    /** A case's latest run: its events so far, and whether it is still going. */
    private static final class Run {
        final List<CaseEvent> events = new ArrayList<>();
        boolean running = true;
    }

    /**
     * Subscribes to a case: the current run's events are replayed first, then {@link CaseEvent.Idle} if nothing is
     * running. Close the subscription when the listener goes away.
     */
    public AutoCloseable subscribe(String caseId, Consumer<CaseEvent> consumer) {
        InOrder listener = new InOrder(consumer);
        List<CaseEvent> replay;
        synchronized (this) {
            Run run = runs.get(caseId);
            replay = run == null ? List.of() : List.copyOf(run.events);
            if (run == null || !run.running) {
                replay = new ArrayList<>(replay);
                replay.add(new CaseEvent.Idle(caseId));
            }
            subscribers.computeIfAbsent(caseId, id -> new CopyOnWriteArrayList<>()).add(listener);
        }
        listener.replay(replay);
        return () -> unsubscribe(caseId, listener);
    }

    /** Holds events published while the replay is being delivered, so a subscriber sees every event in order. */
    private static final class InOrder implements Consumer<CaseEvent> {
        private final Consumer<CaseEvent> target;
        private List<CaseEvent> held = new ArrayList<>();
        private boolean replaying = true;

        InOrder(Consumer<CaseEvent> target) {
            this.target = target;
        }

        @Override
        public void accept(CaseEvent event) {
            synchronized (this) {
                if (replaying) {
                    held.add(event);
                    return;
                }
            }
            target.accept(event);
        }

        void replay(List<CaseEvent> events) {
            List<CaseEvent> batch = events;
            while (true) {
                batch.forEach(event -> deliver(target, event));
                synchronized (this) {
                    if (held.isEmpty()) {
                        replaying = false;
                        return;
                    }
                    batch = held;
                    held = new ArrayList<>();
                }
            }
        }
    }

    /** A probe run starts for the case: earlier runs' events are no longer replayed. */
    public void runStarted(String caseId) {
        synchronized (this) {
            runs.put(caseId, new Run());
            if (runs.size() > KEPT_CASES) {
                runs.remove(runs.keySet().iterator().next());
            }
        }
    }

    public void publish(CaseEvent event) {
        List<Consumer<CaseEvent>> targets;
        synchronized (this) {
            Run run = runs.get(event.caseId());
            if (run != null) {
                run.events.add(event);
                run.running = !(event instanceof CaseEvent.Idle);
            }
            targets = List.copyOf(subscribers.getOrDefault(event.caseId(), List.of()));
        }
        targets.forEach(listener -> deliver(listener, event));
    }

    public synchronized boolean running(String caseId) {
        Run run = runs.get(caseId);
        return run != null && run.running;
    }

    /** How many listeners are connected, for tests and metrics. */
    public synchronized int subscriberCount() {
        return subscribers.values().stream().mapToInt(List::size).sum();
    }

    private synchronized void unsubscribe(String caseId, Consumer<CaseEvent> listener) {
        List<Consumer<CaseEvent>> list = subscribers.get(caseId);
        if (list != null) {
            list.remove(listener);
            if (list.isEmpty()) {
                subscribers.remove(caseId);
            }
        }
    }

    // One broken listener (a closed browser tab) must not stop the others.
    private static void deliver(Consumer<CaseEvent> listener, CaseEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.debug("a case event listener failed: {}", e);
        }
    }
}
