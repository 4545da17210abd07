package dev.triage.bot.chat;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * How many chat-platform turns compute at once. A platform's worker spends most of its time waiting on the platform's
 * API (replies, progress edits, a 429's {@code Retry-After}), so the workers are many; but a turn itself is CPU work,
 * and the request threads that acknowledge the next events must keep a core (docs/benchmarks.md). So the turns, and
 * only they, take a permit here. Web and API turns run on their own request threads and are not counted: the user is
 * waiting on exactly that request. Thread-safe.
 */
public final class PlatformTurns {
    private final Semaphore permits;

    private PlatformTurns(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one turn at a time, not " + permits);
        }
        this.permits = new Semaphore(permits, true);
    }

    /** One turn fewer than {@code cores}, and at least one. */
    public static PlatformTurns leavingACore(int cores) {
        return new PlatformTurns(Math.max(1, cores - 1));
    }

    /** No limit beyond the callers' own threads, for tests and tools. */
    public static PlatformTurns unlimited() {
        return new PlatformTurns(Integer.MAX_VALUE);
    }

    /** Runs {@code turn} once a permit is free, in arrival order. */
    <T> T run(Supplier<T> turn) {
        permits.acquireUninterruptibly();
        try {
            return turn.get();
        } finally {
            permits.release();
        }
    }
}
