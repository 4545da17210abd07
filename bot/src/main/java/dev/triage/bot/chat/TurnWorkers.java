package dev.triage.bot.chat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pool of threads that does the chat platforms' work after their requests were acknowledged: turns, replies,
 * progress edits. A turn is CPU work (about 10 ms); an acknowledgement must come within seconds (Slack and Discord
 * 3 s) and is what the platform times. So the pool is sized by {@link #leavingACore} to keep a core free for the
 * request threads however many turns are queued, and all platforms share it: separate pools per platform added up to
 * more threads than cores. Each platform's work waits in its own first-come queue and runs one piece at a time, in
 * that order (a thread's reply before the ladder's edits, an answer stored before a click on it), and the platforms
 * take turns, so a burst on one does not hold up the others. Queueing never blocks the caller. Thread-safe.
 */
public final class TurnWorkers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TurnWorkers.class);

    private static final long STOP_WAIT_MILLIS = 2_000;

    /** One piece of a platform's work. */
    private record Task(String platform, Runnable work) {
    }

    private final Map<String, ArrayDeque<Runnable>> queues = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<String> busy = new HashSet<>();
    private int nextPlatform;
    private boolean closed;

    /** @param threads how many pieces of work run at once, at least 1 */
    public TurnWorkers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one worker thread, not " + threads);
        }
        for (int i = 1; i <= threads; i++) {
            Thread thread = new Thread(this::work, "triage-turn-" + i);
            thread.setDaemon(true);
            this.threads.add(thread);
            thread.start();
        }
    }

    /** One thread fewer than {@code cores}, and at least one. */
    public static int leavingACore(int cores) {
        return Math.max(1, cores - 1);
    }

    /**
     * The queue of one platform, as an executor. A failure of its work is logged under the platform's name; work
     * queued after {@link #close()} is dropped with a warning, as the server is stopping.
     */
    public synchronized Executor queueFor(String platform) {
        queues.putIfAbsent(platform, new ArrayDeque<>());
        return work -> add(platform, work);
    }

    private synchronized void add(String platform, Runnable work) {
        if (closed) {
            LOG.warn("{}: the server is shutting down; a request was dropped", platform);
            return;
        }
        queues.get(platform).add(work);
        notifyAll(); // a woken thread may find the platform busy; another may take it once it is free
    }

    /** The next platform's oldest work, waiting for some; null once closed. */
    private synchronized Task take() throws InterruptedException {
        while (!closed) {
            List<String> platforms = new ArrayList<>(queues.keySet());
            for (int i = 0; i < platforms.size(); i++) {
                int index = (nextPlatform + i) % platforms.size();
                String platform = platforms.get(index);
                if (busy.contains(platform)) {
                    continue; // a platform's work runs in order: a thread's reply before its edits
                }
                Runnable work = queues.get(platform).poll();
                if (work != null) {
                    nextPlatform = index + 1;
                    busy.add(platform);
                    return new Task(platform, work);
                }
            }
            wait();
        }
        return null;
    }

    private void work() {
        try {
            for (Task task = take(); task != null; task = take()) {
                try {
                    task.work().run();
                } catch (RuntimeException e) {
                    failed(task.platform(), e);
                } finally {
                    done(task.platform());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void failed(String platform, RuntimeException e) {
        if (closed) {
            // The store it needed may already be closed: not a fault, the server is stopping.
            LOG.info("{}: work in hand was cut short as the server stops", platform);
        } else {
            LOG.error("{}: handling a request failed", platform, e);
        }
    }

    private synchronized void done(String platform) {
        busy.remove(platform);
        notifyAll();
    }

    /**
     * Queued work is dropped and running work interrupted, as a stopping server does; waits a moment for it to stop,
     * so it does not outlive the store it writes to.
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queues.values().forEach(ArrayDeque::clear);
            notifyAll();
        }
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
