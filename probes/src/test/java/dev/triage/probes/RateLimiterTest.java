package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(10), clock);

    @Test
    void burstUpToCapacityThenLimitedWithTheWait() {
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision.Acquired(1));
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision.Acquired(0));
        clock.advance(Duration.ofSeconds(4));

        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision.Limited(Duration.ofSeconds(6)));
    }

    @Test
    void usersHaveSeparateBuckets() {
        limiter.tryAcquire("alice");
        limiter.tryAcquire("alice");

        assertThat(limiter.tryAcquire("bob")).isInstanceOf(RateLimiter.Decision.Acquired.class);
    }

    @Test
    void tokensComeBackOnePerPeriodUpToCapacity() {
        limiter.tryAcquire("alice");
        limiter.tryAcquire("alice");
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision.Acquired(0));

        clock.advance(Duration.ofHours(1));
        assertThat(limiter.tryAcquire("alice")).isEqualTo(new RateLimiter.Decision.Acquired(1));
    }
}
