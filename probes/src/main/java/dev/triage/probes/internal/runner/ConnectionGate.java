package dev.triage.probes.internal.runner;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Limits how many of a run's connections may be waiting for the server's first answer at once. xrdp listens with a
 * backlog of 2 (rdp-fixture.md §1): a burst of eight SYNs overflows its accept queue, the kernel drops the extra
 * SYNs and the client retransmits only after a second. A connection leaves the gate once the server answered the
 * X.224 request, which proves it was accepted.
 */
final class ConnectionGate {
    private final Semaphore permits;

    ConnectionGate(int permits) {
        this.permits = new Semaphore(permits);
    }

    /** False when the deadline passed first. */
    boolean enter(Deadline deadline) {
        try {
            return permits.tryAcquire(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void leave() {
        permits.release();
    }
}
