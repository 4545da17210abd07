package dev.triage.bot.probing;

import dev.triage.bot.conversation.Identity;
import dev.triage.bot.store.RateBuckets;
import dev.triage.probes.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The probe rate limits: per user (whatever address they come from), per client address (so new sessions from one
 * machine do not mint fresh buckets), and per target (so many users cannot hammer one host together). A run needs a
 * token from every bucket that applies. Implementations are thread-safe.
 */
public interface ProbeLimits {
    /** Ten runs per user, refilled one every six seconds: enough for a conversation, too few to scan a network. */
    Limit PER_USER = new Limit(10, Duration.ofSeconds(6));
    /** Twenty runs per client address, refilled one every six seconds. */
    Limit PER_ADDRESS = new Limit(20, Duration.ofSeconds(6));
    /** Six runs per target, refilled one every ten seconds. */
    Limit PER_TARGET = new Limit(6, Duration.ofSeconds(10));

    /** Empty when the run may go ahead (its tokens are taken), else how long to wait. */
    Optional<Duration> tryAcquire(Identity who, String target);

    /** A bucket's size and refill period. */
    record Limit(int capacity, Duration refillEvery) {
    }

    /**
     * The standard limits, counted in the database every instance shares: two instances allow what one does. A run
     * charges its buckets all or none.
     */
    static ProbeLimits shared(RateBuckets buckets) {
        return (who, target) -> {
            List<RateBuckets.Bucket> wanted = new ArrayList<>();
            wanted.add(new RateBuckets.Bucket("user " + who.key(), PER_USER.capacity(), PER_USER.refillEvery()));
            who.address().ifPresent(address -> wanted.add(new RateBuckets.Bucket("address " + address,
                    PER_ADDRESS.capacity(), PER_ADDRESS.refillEvery())));
            wanted.add(new RateBuckets.Bucket("target " + normalised(target), PER_TARGET.capacity(),
                    PER_TARGET.refillEvery()));
            return buckets.take(wanted);
        };
    }

    /** The standard limits, counted in this process only (tests, and tools that have no shared database). */
    static ProbeLimits standard(Clock clock) {
        return local(new RateLimiter(PER_USER.capacity(), PER_USER.refillEvery(), clock),
                new RateLimiter(PER_ADDRESS.capacity(), PER_ADDRESS.refillEvery(), clock),
                new RateLimiter(PER_TARGET.capacity(), PER_TARGET.refillEvery(), clock));
    }

    /** Limits counted in this process by these limiters. */
    static ProbeLimits local(RateLimiter perUser, RateLimiter perAddress, RateLimiter perTarget) {
        return new LocalProbeLimits(perUser, perAddress, perTarget);
    }

    /** The form of a target its bucket is keyed by: the same host however it was typed. */
    static String normalised(String target) {
        return target.strip().toLowerCase(Locale.ROOT);
    }
}
