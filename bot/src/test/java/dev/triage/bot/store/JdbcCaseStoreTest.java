package dev.triage.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.store.CaseStore.NewFact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.triage.bot.store.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcCaseStoreTest {
    static final CaseLimits LIMITS = CaseLimits.standard();
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void appendedFactsComeBackInOrder(Kind kind) {
        try (Database db = databases.open(kind)) {
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

    @ParameterizedTest
    @EnumSource(Kind.class)
    void casesSurviveReopeningTheDatabase(Kind kind) {
        String id;
        TestDatabases.Place place = databases.fresh(kind);
        try (Database db = place.open()) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            id = store.create("test").id();
            store.append(id, List.of(new NewFact(FactKind.MESSAGE, "{\"text\":\"kept\"}")), LIMITS);
        }
        try (Database db = place.open()) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            assertThat(store.find(id).orElseThrow().facts()).singleElement()
                    .extracting(Fact::payload).isEqualTo("{\"text\":\"kept\"}");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownCaseIsEmptyNotAnError(Kind kind) {
        try (Database db = databases.open(kind)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            assertThat(store.find("nosuchcase")).isEmpty();
            assertThat(store.append("nosuchcase", List.of(new NewFact(FactKind.MESSAGE, "{}")), LIMITS))
                    .isInstanceOf(Appended.NoSuchCase.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentAppendsKeepSequenceNumbersGapFree(Kind kind) throws Exception {
        try (Database db = databases.open(kind)) {
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

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCaseAtItsLimitTakesNothingMoreAndSaysWhy(Kind kind) {
        try (Database db = databases.open(kind)) {
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

    @ParameterizedTest
    @EnumSource(Kind.class)
    void auditEntriesAreKeptPerCase(Kind kind) {
        try (Database db = databases.open(kind)) {
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

    @ParameterizedTest
    @EnumSource(Kind.class)
    void caseIdsAreUnguessableAndUrlSafe(Kind kind) {
        try (Database db = databases.open(kind)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            String a = store.create("test").id();
            String b = store.create("test").id();
            assertThat(a).matches("[2-9a-z]{12}").isNotEqualTo(b);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondAnswerOnAFixStepReplacesTheFirst(Kind kind) {
        try (Database db = databases.open(kind)) {
            CaseStore store = new JdbcCaseStore(db.dataSource(), Clock.systemUTC());
            String a = store.create("test").id();
            String b = store.create("test").id();
            store.recordFeedback(a, "cert-expired", 1, false);
            store.recordFeedback(a, "cert-expired", 1, true);
            store.recordFeedback(b, "cert-expired", 1, true);

            assertThat(store.fixTallies(List.of("cert-expired")))
                    .containsExactly(new CaseStore.FixTally("cert-expired", 1, 2, 2));
        }
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void purgeDeletesCasesWhoseNewestFactIsOlderThanTheCutoffWithTheirFactsAndFeedback(Kind kind) {
        try (Database db = databases.open(kind)) {
            JdbcCaseStore then = store(db, T0);
            String idle = then.create("test").id();
            then.append(idle, List.of(new NewFact(FactKind.MESSAGE, "{}"), new NewFact(FactKind.HOST, "{}")),
                    CaseLimits.standard());
            then.recordFeedback(idle, "cert-expired", 1, true);
            String revisited = then.create("test").id();
            then.append(revisited, List.of(new NewFact(FactKind.MESSAGE, "{}")), CaseLimits.standard());
            store(db, T0.plus(Duration.ofDays(80))).append(revisited, List.of(new NewFact(FactKind.ANSWER, "{}")),
                    CaseLimits.standard());
            String empty = then.create("test").id();

            JdbcCaseStore now = store(db, T0.plus(Duration.ofDays(100)));
            Purged purged = now.purge(T0.plus(Duration.ofDays(10)), T0.minus(Duration.ofDays(1)));

            assertThat(purged).isEqualTo(new Purged(2, 2, 0));
            assertThat(now.find(idle)).isEmpty();
            assertThat(now.find(empty)).isEmpty();
            assertThat(now.find(revisited).orElseThrow().facts()).hasSize(2);
            assertThat(count(db, "case_facts")).isEqualTo(2);
            assertThat(count(db, "fix_feedback")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void purgeKeepsTheAuditOfDeletedCasesUntilTheAuditCutoff(Kind kind) {
        try (Database db = databases.open(kind)) {
            JdbcCaseStore store = store(db, T0);
            String id = store.create("test").id();
            store.audit(audit(T0, Optional.of(id)));
            store.audit(audit(T0.plus(Duration.ofDays(200)), Optional.empty()));

            Purged first = store.purge(T0.plus(Duration.ofDays(10)), T0.minus(Duration.ofDays(100)));
            assertThat(first).isEqualTo(new Purged(1, 0, 0));
            assertThat(store.auditTrail(id)).hasSize(1);

            Purged second = store.purge(T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(1)));
            assertThat(second).isEqualTo(new Purged(0, 0, 1));
            assertThat(store.auditTrail(id)).isEmpty();
            assertThat(store.recentAudit(10)).singleElement().extracting(AuditEntry::at)
                    .isEqualTo(T0.plus(Duration.ofDays(200)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void purgeWorksThroughMoreCasesThanOneBatch(Kind kind) {
        try (Database db = databases.open(kind)) {
            JdbcCaseStore store = store(db, T0);
            for (int i = 0; i < 1234; i++) {
                store.create("test");
            }
            assertThat(store.purge(T0.plusSeconds(1), T0).cases()).isEqualTo(1234);
            assertThat(count(db, "cases")).isZero();
        }
    }

    private static JdbcCaseStore store(Database db, Instant now) {
        return new JdbcCaseStore(db.dataSource(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static AuditEntry audit(Instant at, Optional<String> caseId) {
        return new AuditEntry(at, "cli:me", caseId, "rdp.example.com", Optional.empty(), "ALLOWED", "allowed",
                Optional.empty());
    }

    private static int count(Database db, String table) {
        try (java.sql.Connection c = db.dataSource().getConnection();
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
