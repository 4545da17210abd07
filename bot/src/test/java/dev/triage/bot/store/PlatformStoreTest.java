package dev.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.store.PlatformStore.ThreadCase;
import dev.triage.bot.store.PlatformStore.ThreadKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event ids are recorded once across instances sharing the database; threads map to cases. */
class PlatformStoreTest {
    @TempDir
    Path dir;

    @Test
    void anEventIdIsDeliveredOnceEvenThroughASecondStoreOnTheSameDatabase() {
        try (Database db = Database.embedded(dir)) {
            PlatformStore one = new PlatformStore(db.dataSource(), Clock.systemUTC());
            PlatformStore other = new PlatformStore(db.dataSource(), Clock.systemUTC());

            assertThat(one.firstDelivery("slack", "Ev1")).isTrue();
            assertThat(other.firstDelivery("slack", "Ev1")).isFalse();
            assertThat(one.firstDelivery("discord", "Ev1")).isTrue();
        }
    }

    @Test
    void oldDeliveriesAreForgottenAndThreadsOfDeletedCasesUnlinked() {
        try (Database db = Database.embedded(dir)) {
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

    @Test
    void linkingAgainReplacesTheThreadsCase() {
        try (Database db = Database.embedded(dir)) {
            PlatformStore store = new PlatformStore(db.dataSource(), Clock.systemUTC());
            ThreadKey key = new ThreadKey("slack", "T1", "C1", "1.1");
            store.link(key, new ThreadCase("first", "U1"));
            store.link(key, new ThreadCase("second", "U2"));
            assertThat(store.caseOf(key)).contains(new ThreadCase("second", "U2"));
        }
    }
}
