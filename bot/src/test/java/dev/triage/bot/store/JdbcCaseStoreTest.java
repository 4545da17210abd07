package dev.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.store.CaseStore.NewFact;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcCaseStoreTest {
    static final CaseLimits LIMITS = CaseLimits.standard();
    @TempDir
    Path dir;

    @Test
    void appendedFactsComeBackInOrder() {
        try (Database db = Database.embedded(dir)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            StoredCase created = store.create("test");
            store.append(created.id(), List.of(new NewFact(FactKind.MESSAGE, "{\"text\":\"a\"}")), LIMITS);
            store.append(created.id(), List.of(new NewFact(FactKind.ANSWER, "{\"question\":\"vpn\",\"value\":\"vpn\"}"),
                    new NewFact(FactKind.HOST, "{\"host\":\"h\"}")), LIMITS);

            StoredCase found = store.find(created.id()).orElseThrow();

            assertThat(found.origin()).isEqualTo("test");
            assertThat(found.facts()).extracting(Fact::seq).containsExactly(0, 1, 2);
            assertThat(found.facts()).extracting(Fact::kind)
                    .containsExactly(FactKind.MESSAGE, FactKind.ANSWER, FactKind.HOST);
        }
    }

    @Test
    void casesSurviveReopeningTheDatabase() {
        String id;
        try (Database db = Database.embedded(dir)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            id = store.create("test").id();
            store.append(id, List.of(new NewFact(FactKind.MESSAGE, "{\"text\":\"kept\"}")), LIMITS);
        }
        try (Database db = Database.embedded(dir)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            assertThat(store.find(id).orElseThrow().facts()).singleElement()
                    .extracting(Fact::payload).isEqualTo("{\"text\":\"kept\"}");
        }
    }

    @Test
    void unknownCaseIsEmptyNotAnError() {
        try (Database db = Database.embedded(dir)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            assertThat(store.find("nosuchcase")).isEmpty();
            assertThat(store.append("nosuchcase", List.of(new NewFact(FactKind.MESSAGE, "{}")), LIMITS))
                    .isInstanceOf(Appended.NoSuchCase.class);
        }
    }

    @Test
    void concurrentAppendsKeepSequenceNumbersGapFree() throws Exception {
        try (Database db = Database.embedded(dir)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            String id = store.create("test").id();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                writes.add(pool.submit(() -> store.append(id,
                        List.of(new NewFact(FactKind.MESSAGE, "{\"text\":\"" + n + "\"}")), LIMITS)));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            pool.shutdown();
            assertThat(store.find(id).orElseThrow().facts()).extracting(Fact::seq)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 40).boxed().toList());
        }
    }

    @Test
    void aCaseAtItsLimitTakesNothingMoreAndSaysWhy() {
        try (Database db = Database.embedded(dir)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            String id = store.create("test").id();
            CaseLimits two = new CaseLimits(2, 1_000);
            NewFact message = new NewFact(FactKind.MESSAGE, "{\"text\":\"x\"}");

            assertThat(store.append(id, List.of(message, message), two)).isInstanceOf(Appended.Stored.class);
            assertThat(store.append(id, List.of(message), two)).isInstanceOfSatisfying(Appended.Full.class,
                    full -> assertThat(full.message()).contains("2 messages"));
            assertThat(store.append(id, List.of(new NewFact(FactKind.MESSAGE, "x".repeat(2_000))),
                    new CaseLimits(10, 1_000))).isInstanceOfSatisfying(Appended.Full.class,
                    full -> assertThat(full.message()).contains("1,000"));
            assertThat(store.find(id).orElseThrow().facts()).hasSize(2);
            assertThat(store.factsAfter(id, 0)).extracting(Fact::seq).containsExactly(1);
        }
    }

    @Test
    void auditEntriesAreKeptPerCase() {
        try (Database db = Database.embedded(dir)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            String id = store.create("test").id();
            store.audit(new AuditEntry(Instant.parse("2026-11-20T10:00:00Z"), "cli:me", Optional.of(id),
                    "127.0.0.1", Optional.of("127.0.0.1"), "DENIED", "loopback", Optional.empty()));

            assertThat(store.auditTrail(id)).singleElement().satisfies(e -> {
                assertThat(e.decision()).isEqualTo("DENIED");
                assertThat(e.reason()).isEqualTo("loopback");
                assertThat(e.actor()).isEqualTo("cli:me");
            });
        }
    }

    @Test
    void caseIdsAreUnguessableAndUrlSafe() {
        try (Database db = Database.embedded(dir)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            String a = store.create("test").id();
            String b = store.create("test").id();
            assertThat(a).matches("[2-9a-z]{12}").isNotEqualTo(b);
        }
    }
}
