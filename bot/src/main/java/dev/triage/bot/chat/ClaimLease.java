package dev.triage.bot.chat;

import java.time.Duration;

/**
 * How long a probe claim lasts without renewal, and how often the instance running the probes renews it. The lease
 * is short so that a claim left by an instance that died (killed, or cut off from the database) blocks the case's
 * probes only briefly; renewal keeps it however long the run takes, rate-limit retries included.
 */
record ClaimLease(Duration lease, Duration renewEvery) {
    /** Fifteen seconds, renewed every five: two renewals may fail (a slow database) before another instance takes over. */
    static final ClaimLease STANDARD = new ClaimLease(Duration.ofSeconds(15), Duration.ofSeconds(5));

    ClaimLease {
        if (renewEvery.isZero() || renewEvery.isNegative() || renewEvery.compareTo(lease) >= 0) {
            throw new IllegalArgumentException("renew (" + renewEvery + ") more often than the lease (" + lease
                    + ") lasts");
        }
    }
}
