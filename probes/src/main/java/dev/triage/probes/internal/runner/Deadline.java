package dev.triage.probes.internal.runner;

import java.time.Duration;

/** A point in monotonic time (System.nanoTime), with helpers for socket timeouts. */
public record Deadline(long nanoTime) {

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public Duration remaining() {
        long left = nanoTime - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    public boolean passed() {
        return nanoTime - System.nanoTime() <= 0;
    }

    /** The earlier of this deadline and {@code step} from now. */
    public Deadline capped(Duration step) {
        long stepEnd = System.nanoTime() + step.toNanos();
        return stepEnd - nanoTime < 0 ? new Deadline(stepEnd) : this;
    }

    /** Milliseconds for a socket timeout: at least 1, because 0 would mean "wait forever". */
    public int socketMillis() {
        long millis = remaining().toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, millis));
    }
}
