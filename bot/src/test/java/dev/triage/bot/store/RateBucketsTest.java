package dev.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.store.TestDatabases.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Token buckets in the database: shared by every instance on it, charged all or none, refilled over time. */
class RateBucketsTest {
    static final RateBuckets.Bucket USER = new RateBuckets.Bucket("user alice", 3, Duration.ofSeconds(6));
    static final RateBuckets.Bucket TARGET = new RateBuckets.Bucket("target rdp01:3389", 1, Duration.ofSeconds(10));
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T10:00:00Z"));

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoInstancesOnOneDatabaseShareOneBucketWhichRefillsOverTime(Kind kind) {
        try (Database db = databases.open(kind)) {
            RateBuckets a = new RateBuckets(db.dataSource(), clock);
            RateBuckets b = new RateBuckets(db.dataSource(), clock);

            assertThat(a.take(List.of(USER))).isEmpty();
            assertThat(b.take(List.of(USER))).isEmpty();
            clock.advance(Duration.ofSeconds(2));
            assertThat(a.take(List.of(USER))).isEmpty();
            assertThat(b.take(List.of(USER))).as("three tokens, taken on two instances").contains(Duration.ofSeconds(4));
            clock.advance(Duration.ofSeconds(4));
            assertThat(b.take(List.of(USER))).as("one token back after six seconds").isEmpty();
            assertThat(a.take(List.of(USER))).contains(Duration.ofSeconds(6));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRunChargesEveryBucketOrNone(Kind kind) {
        try (Database db = databases.open(kind)) {
            RateBuckets buckets = new RateBuckets(db.dataSource(), clock);

            assertThat(buckets.take(List.of(USER, TARGET))).isEmpty();
            assertThat(buckets.take(List.of(USER, TARGET))).as("the target's one token is spent")
                    .contains(Duration.ofSeconds(10));
            assertThat(buckets.take(List.of(USER))).as("the refused run took none of the user's").isEmpty();
            assertThat(buckets.take(List.of(USER))).isEmpty();
            assertThat(buckets.take(List.of(USER))).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void racingInstancesTakeExactlyTheBucketsTokens(Kind kind) throws Exception {
        RateBuckets.Bucket ten = new RateBuckets.Bucket("user bob", 10, Duration.ofHours(1));
        try (Database db = databases.open(kind)) {
            List<RateBuckets> instances = List.of(new RateBuckets(db.dataSource(), Clock.systemUTC()),
                    new RateBuckets(db.dataSource(), Clock.systemUTC()));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Optional<Duration>>> takes = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    RateBuckets instance = instances.get(i % 2);
                    takes.add(() -> instance.take(List.of(ten)));
                }
                int granted = 0;
                for (Future<Optional<Duration>> take : pool.invokeAll(takes)) {
                    granted += take.get().isEmpty() ? 1 : 0;
                }
                assertThat(granted).as("forty takers on two instances, ten tokens").isEqualTo(10);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void idleBucketsAreForgottenAndStartFullAgain(Kind kind) {
        try (Database db = databases.open(kind)) {
            RateBuckets buckets = new RateBuckets(db.dataSource(), clock);
            buckets.take(List.of(TARGET));
            clock.advance(Duration.ofHours(2));
            assertThat(buckets.forgetIdle(clock.instant().minus(Duration.ofHours(1)))).isEqualTo(1);
            assertThat(buckets.take(List.of(TARGET))).isEmpty();
            assertThat(buckets.forgetIdle(clock.instant().minus(Duration.ofHours(1)))).isZero();
        }
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
