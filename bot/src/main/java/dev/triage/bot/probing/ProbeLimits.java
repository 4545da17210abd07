package dev.triage.bot.probing;

import dev.triage.bot.conversation.Identity;
import dev.triage.probes.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The probe rate limits: per user (whatever address they come from), per client address (so new sessions from one
 * machine do not mint fresh buckets), and per target (so many users cannot hammer one host together). A run needs a
 * token from every bucket that applies.
 */
public final class ProbeLimits {
    private final RateLimiter perUser;
    private final RateLimiter perAddress;
    private final RateLimiter perTarget;

    public ProbeLimits(RateLimiter perUser, RateLimiter perAddress, RateLimiter perTarget) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.perTarget = perTarget;
    }

    /**
     * Ten runs per user and twenty per address, refilled one every six seconds: enough for a conversation, too few
     * to scan a network; six runs per target, refilled one every ten seconds.
     */
    public static ProbeLimits standard(Clock clock) {
        return new ProbeLimits(new RateLimiter(10, Duration.ofSeconds(6), clock),
                new RateLimiter(20, Duration.ofSeconds(6), clock), new RateLimiter(6, Duration.ofSeconds(10), clock));
    }

    /** Empty when the run may go ahead, else how long to wait. Buckets are charged only when every one has room. */
    public synchronized Optional<Duration> tryAcquire(Identity who, String target) {
        // Checking all before charging any would need a peek; charging in order and refunding is not offered by
        // RateLimiter, so the order is the cheapest refusal first: a limited user never spends the target's tokens.
        if (perUser.tryAcquire(who.key()) instanceof RateLimiter.Decision.Limited limited) {
            return Optional.of(limited.retryAfter());
        }
        if (who.address().isPresent()
                && perAddress.tryAcquire(who.address().get()) instanceof RateLimiter.Decision.Limited limited) {
            return Optional.of(limited.retryAfter());
        }
        if (perTarget.tryAcquire(target.strip().toLowerCase(Locale.ROOT)) instanceof RateLimiter.Decision.Limited l) {
            return Optional.of(l.retryAfter());
        }
        return Optional.empty();
    }
}
