package dev.triage.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.probing.AuditedProbeGateway;
import dev.triage.bot.probing.ProbeLimits;
import dev.triage.bot.store.AuditEntry;
import dev.triage.bot.store.CaseLimits;
import dev.triage.bot.store.FactKind;
import dev.triage.probes.Prober;
import dev.triage.probes.RateLimiter;
import dev.triage.probes.TargetPolicy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core against a real store and real probes on loopback: answers at once, probes off-thread, events in order. */
class ChatCoreTest {
    static final Identity ALICE = new Identity(Surface.SLACK, "T1", "U-alice", "C1", "1700000000.1", Optional.empty());
    @TempDir
    Path data;
    BotApplication app;
    Prober prober;
    int closedPort;

    @BeforeEach
    void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        app = BotApplication.create(BotConfig.defaults().withDataDir(data));
        prober = Prober.builder().policy(TargetPolicy.of("127.0.0.1/32:" + closedPort))
                .overallTimeout(Duration.ofSeconds(3)).build();
    }

    @AfterEach
    void stop() {
        prober.close();
        app.close();
    }

    @Test
    void aTurnAnswersAtOnceAndTheProbesFollowAsEventsThenAReRankedReply() throws Exception {
        ChatCore core = core(ProbeLimits.standard(Clock.systemUTC()));
        ChatCore.Turn turn = core.handle(InboundMessage.text(ALICE, Optional.empty(),
                "Remote Desktop can't connect to the remote computer. mstsc /v:127.0.0.1:" + closedPort));
        Reply first = ((TurnOutcome.Replied) turn.outcome()).reply();
        String id = first.caseId().orElseThrow();
        List<CaseEvent> seen = new CopyOnWriteArrayList<>();
        core.events().subscribe(id, seen::add);

        Reply settled = turn.settled().get(10, TimeUnit.SECONDS).orElseThrow();

        assertThat(first.probing()).isTrue();
        assertThat(first.probes()).isEmpty();
        assertThat(settled.probes()).extracting(p -> p.name() + "=" + p.status()).contains("tcp=REFUSED");
        awaitIdle(seen);
        List<String> finished = seen.stream().filter(e -> e instanceof CaseEvent.StepFinished)
                .map(e -> ((CaseEvent.StepFinished) e).outcome().name()).toList();
        assertThat(finished).startsWith("dns", "policy", "tcp");
        assertThat(seen).filteredOn(e -> e instanceof CaseEvent.Rediagnosed).hasSize(1);
        assertThat(seen.get(seen.size() - 1)).isInstanceOf(CaseEvent.Idle.class);
        assertThat(app.store().auditTrail(id)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("slack:T1:U-alice");
            assertThat(e.surface()).isEqualTo("slack");
            assertThat(e.place()).isEqualTo("C1/1700000000.1");
        });
    }

    @Test
    void aRateLimitedProbeIsNotStoredAsTheHostsResultAndRunsWhenAllowedAgain() throws Exception {
        // One run per user, refilled after 3 s; the user's token is spent, so the case's run is refused, then retried.
        ProbeLimits tight = ProbeLimits.local(new RateLimiter(1, Duration.ofSeconds(3), Clock.systemUTC()),
                new RateLimiter(100, Duration.ofMillis(1), Clock.systemUTC()),
                new RateLimiter(100, Duration.ofMillis(1), Clock.systemUTC()));
        ChatCore core = core(tight);
        String paste = "Remote Desktop can't connect. mstsc /v:127.0.0.1:" + closedPort;
        assertThat(tight.tryAcquire(ALICE, "elsewhere.example.com")).isEmpty();

        ChatCore.Turn second = core.handle(InboundMessage.text(ALICE, Optional.empty(), paste));
        Reply settled = second.settled().get(10, TimeUnit.SECONDS).orElseThrow();
        String id = settled.caseId().orElseThrow();

        assertThat(app.store().auditTrail(id)).extracting(AuditEntry::decision)
                .containsExactly("RATE_LIMITED", "ALLOWED");
        assertThat(settled.probes()).extracting(p -> p.name() + "=" + p.status()).contains("tcp=REFUSED")
                .doesNotContain("policy=RATE_LIMITED");
        assertThat(app.store().find(id).orElseThrow().facts()).filteredOn(f -> f.kind() == FactKind.PROBE_RUN)
                .singleElement().satisfies(f -> assertThat(f.payload()).doesNotContain("RATE_LIMITED"));
    }

    @Test
    void aTypedAnswerThatFitsNoOptionIsKeptAsTextAndTheReplyListsTheOptions() {
        ChatCore core = core(ProbeLimits.standard(Clock.systemUTC()));
        Reply opened = ((TurnOutcome.Replied) core.handle(InboundMessage.text(ALICE, Optional.empty(),
                "Error code: 0x904 Extended error code: 0x7")).outcome()).reply();
        String id = opened.caseId().orElseThrow();
        String asked = opened.questions().get(0).id();

        Reply unclear = ((TurnOutcome.Replied) core.handle(InboundMessage.text(ALICE, Optional.of(id), "perhaps"))
                .outcome()).reply();
        assertThat(unclear.message()).hasValueSatisfying(m -> assertThat(m).contains("perhaps").contains("1. "));
        assertThat(unclear.questions().get(0).id()).isEqualTo(asked);

        Reply added = ((TurnOutcome.Replied) core.handle(InboundMessage.text(ALICE, Optional.of(id),
                "now it says 0x204")).outcome()).reply();
        assertThat(added.message()).as("a code is more of the paste, not an answer").isEmpty();

        String next = added.questions().get(0).id();
        core.handle(InboundMessage.text(ALICE, Optional.of(id), "2"));
        assertThat(core.conversations().view(id).orElseThrow().state().answers()).containsKey(next);
    }

    private ChatCore core(ProbeLimits limits) {
        AuditedProbeGateway gateway = new AuditedProbeGateway(prober, app.store(), limits, Clock.systemUTC(),
                app.json());
        Conversations conversations = new Conversations(app.store(), app.engine(), gateway, app.json(),
                CaseLimits.standard());
        return new ChatCore(conversations, gateway, new CaseEvents(), Executors.newFixedThreadPool(2),
                Executors.newSingleThreadScheduledExecutor());
    }

    private static void awaitIdle(List<CaseEvent> seen) throws InterruptedException {
        for (int i = 0; i < 100 && (seen.isEmpty() || !(seen.get(seen.size() - 1) instanceof CaseEvent.Idle)); i++) {
            Thread.sleep(50);
        }
    }
}
