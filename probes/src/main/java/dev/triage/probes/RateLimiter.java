package dev.triage.probes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A token bucket per user: each user may start {@code capacity} probe runs at once, and regains one every
 * {@code refillEvery}. Thread-safe. The clock is a seam for tests.
 */
public final class RateLimiter {
    private final int capacity;
    private final Duration refillEvery;
    private final Clock clock;
    private static final int SWEEP_AT = 10_000;

    private final Map<String, Bucket> buckets = new HashMap<>();

    public RateLimiter(int capacity, Duration refillEvery, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        if (refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("refillEvery must be positive: " + refillEvery);
        }
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Takes one token for {@code user}, or says how long until the next one. */
    public synchronized Decision tryAcquire(String user) {
        Objects.requireNonNull(user, "user");
        Instant now = clock.instant();
        if (buckets.size() >= SWEEP_AT) {
            forgetFullBuckets(now);
        }
        Bucket bucket = buckets.computeIfAbsent(user, u -> new Bucket(capacity, now));
        bucket.refill(now, capacity, refillEvery);
        if (bucket.tokens > 0) {
            bucket.tokens--;
            return new Decision.Acquired(bucket.tokens);
        }
        Duration wait = Duration.between(now, bucket.lastRefill.plus(refillEvery));
        return new Decision.Limited(wait.isNegative() ? Duration.ZERO : wait);
    }

    /** A full bucket is the same as no bucket, so idle users can be forgotten and the map stays bounded. */
    private void forgetFullBuckets(Instant now) {
        buckets.values().removeIf(bucket -> {
            bucket.refill(now, capacity, refillEvery);
            return bucket.tokens == capacity;
        });
    }

    /** The outcome of {@link #tryAcquire(String)}. */
    public sealed interface Decision {
        record Acquired(int remaining) implements Decision {
        }

        record Limited(Duration retryAfter) implements Decision {
        }
    }

    private static final class Bucket {
        private int tokens;
        private Instant lastRefill;

        Bucket(int tokens, Instant now) {
            this.tokens = tokens;
            this.lastRefill = now;
        }

        void refill(Instant now, int capacity, Duration every) {
            if (!now.isAfter(lastRefill)) {
                return;
            }
            long earned = Duration.between(lastRefill, now).toNanos() / every.toNanos();
            if (earned == 0) {
                return;
            }
            if (tokens + earned >= capacity) {
                tokens = capacity;
                lastRefill = now;
            } else {
                tokens += (int) earned;
                lastRefill = lastRefill.plus(every.multipliedBy(earned));
            }
        }
    }
}
