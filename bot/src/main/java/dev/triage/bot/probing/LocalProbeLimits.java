package dev.triage.bot.probing;

import dev.triage.bot.conversation.Identity;
import dev.triage.probes.RateLimiter;
import java.time.Duration;
import java.util.Optional;

/** {@link ProbeLimits} counted in this process. */
final class LocalProbeLimits implements ProbeLimits {
    private final RateLimiter perUser;
    private final RateLimiter perAddress;
    private final RateLimiter perTarget;

    LocalProbeLimits(RateLimiter perUser, RateLimiter perAddress, RateLimiter perTarget) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.perTarget = perTarget;
    }

    @Override
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
        if (perTarget.tryAcquire(ProbeLimits.normalised(target)) instanceof RateLimiter.Decision.Limited l) {
            return Optional.of(l.retryAfter());
        }
        return Optional.empty();
    }
}
