package dev.triage.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.ConfigLoader;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.store.TestDatabases;
import dev.triage.bot.store.TestPostgres;
import dev.triage.bot.probing.ProbeLimits;
import dev.triage.probes.ProbeListener;
import dev.triage.probes.fixtures.FaultServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances of the whole application on one PostgreSQL database, in one JVM: a host is probed once per case
 * whichever instance the messages reach, and the instance that did not probe follows the run to its result.
 */
class SharedDatabaseTest {
    static final Identity ALICE = new Identity(Surface.WEB, "", "alice", "", "", Optional.empty());
    @RegisterExtension
    final TestDatabases databases = new TestDatabases();

    @Test
    void aHostIsProbedOnceAcrossInstancesAndTheOtherInstanceFollowsTheRunToItsResult() throws Exception {
        String url = databases.postgresUrl();
        // The host answers after a while, so the second instance's turn comes while the first one probes.
        try (FaultServer slow = FaultServer.slow(Duration.ofMillis(2500));
                BotApplication a = instance(url, slow.port());
                BotApplication b = instance(url, slow.port())) {
            String id = replied(a.chatCore().handle(InboundMessage.text(ALICE, Optional.empty(),
                    "Remote Desktop can't connect. Error code: 0x904 Extended error code: 0x7"))).caseId().orElseThrow();

            ChatCore.Turn probing = b.chatCore().handle(InboundMessage.text(ALICE, Optional.of(id),
                    "127.0.0.1:" + slow.port()));
            assertThat(replied(probing).probing()).isTrue();

            List<CaseEvent> seenOnA = new CopyOnWriteArrayList<>();
            a.chatCore().followRunElsewhere(id); // what a browser's event stream landing on A does
            AutoCloseable subscription = a.chatCore().events().subscribe(id, seenOnA::add);
            ChatCore.Turn following = a.chatCore().handle(InboundMessage.text(ALICE, Optional.of(id),
                    "it fails from every PC here"));
            assertThat(replied(following).probing()).as("A knows B is probing").isTrue();
            long waited = System.nanoTime();
            while (seenOnA.stream().noneMatch(CaseEvent.StepFinished.class::isInstance)
                    && System.nanoTime() - waited < Duration.ofSeconds(2).toNanos()) {
                sleep(Duration.ofMillis(50));
            }
            assertThat(seenOnA).as("B's first steps, shown on A while B still probes")
                    .anyMatch(CaseEvent.StepFinished.class::isInstance);
            assertThat(probing.settled()).isNotDone();

            Reply onB = probing.settled().get(30, TimeUnit.SECONDS).orElseThrow();
            Reply onA = following.settled().get(30, TimeUnit.SECONDS).orElseThrow();
            subscription.close();

            assertThat(onB.probes()).isNotEmpty();
            assertThat(onA.probes()).isEqualTo(onB.probes());
            assertThat(a.store().auditTrail(id)).as("one probe run, on B").filteredOn(e -> e.decision()
                    .equals("ALLOWED")).hasSize(1);
            assertThat(seenOnA).last().isInstanceOf(CaseEvent.Idle.class);
            assertThat(seenOnA).filteredOn(CaseEvent.Rediagnosed.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((CaseEvent.Rediagnosed) e).reply().probes()).isEqualTo(onB.probes()));
            assertThat(seenOnA).filteredOn(CaseEvent.StepFinished.class::isInstance).hasSize(onB.probes().size());
        }
    }

    @Test
    void aClaimLeftByAnInstanceThatDiedIsTakenOverOnceItIsStale() {
        String url = databases.postgresUrl();
        try (BotApplication a = instance(url, 9)) {
            String id = a.store().create("test").id();
            Duration stale = Duration.ofMillis(1000);

            assertThat(a.store().claimProbe(id, "h:3389", stale)).isTrue();
            assertThat(a.store().claimProbe(id, "h:3389", stale)).as("fresh: someone else probes").isFalse();
            assertThat(a.store().probeClaims(id, stale)).containsExactly("h:3389");
            sleep(Duration.ofMillis(1100));
            assertThat(a.store().probeClaims(id, stale)).isEmpty();
            assertThat(a.store().claimProbe(id, "h:3389", stale)).as("stale: taken over").isTrue();
            assertThat(a.store().claimProbe(id, "h:3389", stale)).isFalse();
            a.store().releaseProbe(id, "h:3389");
            assertThat(a.store().claimProbe(id, "h:3389", stale)).as("given back").isTrue();
        }
    }

    @Test
    void aRunLongerThanTheLeaseKeepsItsClaimByRenewingIt() throws Exception {
        String url = databases.postgresUrl();
        ClaimLease lease = new ClaimLease(Duration.ofMillis(500), Duration.ofMillis(100));
        try (FaultServer slow = FaultServer.slow(Duration.ofMillis(1500));
                BotApplication a = instance(url, slow.port());
                BotApplication b = instance(url, slow.port())) {
            ChatCore core = leased(a, lease);
            String id = replied(core.handle(InboundMessage.text(ALICE, Optional.empty(),
                    "Error code: 0x904 Extended error code: 0x7"))).caseId().orElseThrow();
            String host = "127.0.0.1:" + slow.port();
            ChatCore.Turn probing = core.handle(InboundMessage.text(ALICE, Optional.of(id), host));

            sleep(Duration.ofMillis(1000)); // twice the lease, while the host has not answered yet
            assertThat(probing.settled()).isNotDone();
            assertThat(b.store().probeClaims(id, lease.lease())).as("renewed").containsExactly(host);
            assertThat(b.store().claimProbe(id, host, lease.lease())).as("not taken over").isFalse();

            assertThat(probing.settled().get(30, TimeUnit.SECONDS).orElseThrow().probes()).isNotEmpty();
            assertThat(a.store().auditTrail(id)).filteredOn(e -> e.decision().equals("ALLOWED")).hasSize(1);
        }
    }

    @Test
    void aClaimLeftByAKilledInstanceHoldsTheCaseOnlyForTheLease() throws Exception {
        String url = databases.postgresUrl();
        ClaimLease lease = new ClaimLease(Duration.ofMillis(500), Duration.ofMillis(100));
        try (FaultServer host = FaultServer.slow(Duration.ofMillis(50));
                BotApplication a = instance(url, host.port())) {
            ChatCore core = leased(a, lease);
            String id = replied(core.handle(InboundMessage.text(ALICE, Optional.empty(),
                    "Error code: 0x904 Extended error code: 0x7"))).caseId().orElseThrow();
            String target = "127.0.0.1:" + host.port();
            // What an instance killed with kill -9 mid-run leaves behind: a claim nobody renews and no stored run.
            assertThat(a.store().claimProbe(id, target, lease.lease())).isTrue();

            long start = System.nanoTime();
            ChatCore.Turn waiting = core.handle(InboundMessage.text(ALICE, Optional.of(id), target));
            assertThat(replied(waiting).probing()).as("follows the dead instance's run").isTrue();
            assertThat(waiting.settled().get(10, TimeUnit.SECONDS).orElseThrow().probes()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            Reply probed = core.handle(InboundMessage.text(ALICE, Optional.of(id), "again: " + target)).settled()
                    .get(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(probed.probes()).as("the next message probes").isNotEmpty();
            assertThat(a.store().auditTrail(id)).filteredOn(e -> e.decision().equals("ALLOWED")).hasSize(1);
        }
    }

    @Test
    void renewingMovesTheClaimForwardAndFailsForAClaimThatIsGone() {
        String url = databases.postgresUrl();
        try (BotApplication a = instance(url, 9)) {
            String id = a.store().create("test").id();
            Duration stale = Duration.ofMillis(1000);
            assertThat(a.store().renewProbe(id, "h:3389")).as("nothing to renew").isFalse();
            assertThat(a.store().claimProbe(id, "h:3389", stale)).isTrue();
            sleep(Duration.ofMillis(700));
            assertThat(a.store().renewProbe(id, "h:3389")).isTrue();
            sleep(Duration.ofMillis(700));
            assertThat(a.store().claimProbe(id, "h:3389", stale)).as("renewed 700 ms ago").isFalse();
        }
    }

    @Test
    void anInstanceWhoseClaimWasTakenOverNeitherRenewsNorGivesBackTheNewcomersClaim() {
        String url = databases.postgresUrl();
        try (BotApplication a = instance(url, 9); BotApplication b = instance(url, 9)) {
            String id = a.store().create("test").id();
            Duration stale = Duration.ofMillis(1000);
            assertThat(a.store().claimProbe(id, "h:3389", stale)).isTrue();
            sleep(Duration.ofMillis(1100)); // A stalls past its lease
            assertThat(b.store().claimProbe(id, "h:3389", stale)).as("stale: B takes over").isTrue();

            assertThat(a.store().renewProbe(id, "h:3389")).as("A's claim is gone").isFalse();
            a.store().releaseProbe(id, "h:3389");

            assertThat(a.store().claimProbe(id, "h:3389", stale)).as("B's claim still holds").isFalse();
            assertThat(b.store().renewProbe(id, "h:3389")).isTrue();
        }
    }

    @Test
    void twoInstancesShareTheProbeRateLimits() {
        String url = databases.postgresUrl();
        try (FaultServer host = FaultServer.slow(Duration.ZERO);
                BotApplication a = instance(url, host.port());
                BotApplication b = instance(url, host.port())) {
            String target = "127.0.0.1:" + host.port();
            List<Boolean> limited = new java.util.ArrayList<>();
            for (int i = 0; i < ProbeLimits.PER_TARGET.capacity() + 1; i++) {
                BotApplication instance = i % 2 == 0 ? a : b;
                limited.add(instance.probeGateway().run(target, ALICE, Optional.empty(), ProbeListener.NONE)
                        .rateLimited());
            }
            assertThat(limited).as("six runs per target, whichever instance probes")
                    .containsExactly(false, false, false, false, false, false, true);
        }
    }

    /** A chat core of the instance with a short lease, so a test need not wait the standard fifteen seconds. */
    private static ChatCore leased(BotApplication app, ClaimLease lease) {
        return new ChatCore(app.chatCore().conversations(), app.probeGateway(), new CaseEvents(),
                Executors.newFixedThreadPool(2), Executors.newSingleThreadScheduledExecutor(), TurnObserver.NONE,
                lease);
    }

    private static BotApplication instance(String url, int port) {
        return BotApplication.create(new ConfigLoader(Map.of("TRIAGE_CONFIG", "/dev/null", "TRIAGE_JDBC_URL", url,
                "TRIAGE_JDBC_USER", TestPostgres.USER, "TRIAGE_JDBC_PASSWORD", TestPostgres.PASSWORD,
                "TRIAGE_PROBES_ALLOW", "127.0.0.1/32:" + port)).load());
    }

    private static Reply replied(ChatCore.Turn turn) {
        return ((TurnOutcome.Replied) turn.outcome()).reply();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
