package dev.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.store.PlatformStore.ThreadCase;
import dev.triage.bot.store.PlatformStore.ThreadKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.triage.bot.store.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Event ids are recorded once across instances sharing the database; threads map to cases. */
class PlatformStoreTest {
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEventIdIsDeliveredOnceEvenThroughASecondStoreOnTheSameDatabase(Kind kind) {
        try (Database db = databases.open(kind)) {
            PlatformStore one = new PlatformStore(db.dataSource(), Clock.systemUTC());
            PlatformStore other = new PlatformStore(db.dataSource(), Clock.systemUTC());

            assertThat(one.firstDelivery("slack", "Ev1")).isTrue();
            assertThat(other.firstDelivery("slack", "Ev1")).isFalse();
            assertThat(one.firstDelivery("discord", "Ev1")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oldDeliveriesAreForgottenAndThreadsOfDeletedCasesUnlinked(Kind kind) {
        try (Database db = databases.open(kind)) {
            Instant then = Instant.parse("2026-01-01T00:00:00Z");
            new PlatformStore(db.dataSource(), Clock.fixed(then, ZoneOffset.UTC)).firstDelivery("slack", "Old");
            PlatformStore store = new PlatformStore(db.dataSource(), Clock.systemUTC());
            store.firstDelivery("slack", "New");
            String kept = new JdbcCaseStore(db.dataSource(), Clock.systemUTC()).create("slack").id();
            ThreadKey live = new ThreadKey("slack", "T1", "C1", "1.1");
            ThreadKey gone = new ThreadKey("slack", "T1", "C1", "2.2");
            store.link(live, new ThreadCase(kept, "U1"));
            store.link(gone, new ThreadCase("deletedcase1", "U1"));

            assertThat(store.forgetDeliveries(then.plusSeconds(1))).isEqualTo(1);
            assertThat(store.forgetThreadsOfDeletedCases()).isEqualTo(1);

            assertThat(store.firstDelivery("slack", "Old")).isTrue();
            assertThat(store.firstDelivery("slack", "New")).isFalse();
            assertThat(store.caseOf(live)).contains(new ThreadCase(kept, "U1"));
            assertThat(store.caseOf(gone)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void oneEventRacingThroughTwoPoolsIsDeliveredExactlyOnce(Kind kind) throws Exception {
        TestDatabases.Place place = databases.fresh(kind);
        // Two pools on one database, as two instances have; H2's embedded file allows one process, so one pool.
        try (Database one = place.open(); Database other = kind == Kind.H2 ? null : place.open()) {
            List<PlatformStore> instances = List.of(new PlatformStore(one.dataSource(), Clock.systemUTC()),
                    new PlatformStore((other == null ? one : other).dataSource(), Clock.systemUTC()));
            ExecutorService racers = Executors.newFixedThreadPool(8);
            try {
                for (int event = 0; event < 20; event++) {
                    String id = "Ev" + event;
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Boolean>> tries = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        PlatformStore store = instances.get(i % 2);
                        tries.add(racers.submit(() -> {
                            go.await();
                            return store.firstDelivery("slack", id);
                        }));
                    }
                    go.countDown();
                    int first = 0;
                    for (Future<Boolean> t : tries) {
                        first += t.get() ? 1 : 0;
                    }
                    assertThat(first).as("deliveries of " + id).isEqualTo(1);
                }
            } finally {
                racers.shutdownNow();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void linkingAgainReplacesTheThreadsCase(Kind kind) {
        try (Database db = databases.open(kind)) {
            PlatformStore store = new PlatformStore(db.dataSource(), Clock.systemUTC());
            ThreadKey key = new ThreadKey("slack", "T1", "C1", "1.1");
            store.link(key, new ThreadCase("first", "U1"));
            store.link(key, new ThreadCase("second", "U2"));
            assertThat(store.caseOf(key)).contains(new ThreadCase("second", "U2"));
        }
    }
}
