package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.probes.fixtures.FaultServer;
import dev.triage.probes.fixtures.FaultServer.Behaviour;
import dev.triage.probes.fixtures.FilteredPort;
import dev.triage.probes.fixtures.Ports;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Probes small misbehaving servers written in Java: each fault must come out as its own outcome. */
class FaultServerProbeTest {
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 64, 1, TimeUnit.SECONDS,
            new java.util.concurrent.SynchronousQueue<>());
    /** The fault servers listen on ephemeral ports; an entry without ports would allow only 3389. */
    private final Prober prober = Prober.builder()
            .policy(TargetPolicy.of("127.0.0.1/32:1024-65535"))
            .stepTimeout(Duration.ofMillis(800))
            .overallTimeout(Duration.ofSeconds(2))
            .executor(executor)
            .build();

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    private ProbeReport probe(int port) {
        return prober.probe(new Target("127.0.0.1", port));
    }

    @Test
    void closedPortIsRefused() {
        ProbeReport report = probe(Ports.free());

        assertThat(report.get(TcpResult.class).outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(report.get(RdpResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.get(NtlmResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void resetOnAcceptConnectsThenResets() {
        try (FaultServer server = FaultServer.start(Behaviour.RESET_ON_ACCEPT)) {
            ProbeReport report = probe(server.port());

            assertThat(report.get(TcpResult.class).outcome()).isEqualTo(Outcome.CONNECTED);
            assertThat(report.get(RdpResult.class).outcome()).isIn(Outcome.RESET);
        }
    }

    @Test
    void resetAfterTheRequestIsAReset() {
        try (FaultServer server = FaultServer.start(Behaviour.RESET_AFTER_REQUEST)) {
            assertThat(probe(server.port()).get(RdpResult.class).outcome()).isEqualTo(Outcome.RESET);
        }
    }

    @Test
    void gracefulCloseIsNoResponseSayingClosed() {
        try (FaultServer server = FaultServer.start(Behaviour.CLOSE_AFTER_REQUEST)) {
            RdpResult rdp = probe(server.port()).get(RdpResult.class);

            assertThat(rdp.outcome()).isEqualTo(Outcome.NO_RESPONSE);
            assertThat(rdp.details()).containsEntry("reason", "closed");
        }
    }

    @Test
    void hangingServerIsNoResponseAfterTheStepTimeout() {
        try (FaultServer server = FaultServer.start(Behaviour.HANG)) {
            ProbeReport report = probe(server.port());

            assertThat(report.get(TcpResult.class).outcome()).isEqualTo(Outcome.CONNECTED);
            assertThat(report.get(RdpResult.class).outcome()).isEqualTo(Outcome.NO_RESPONSE);
            assertThat(report.get(RdpResult.class).details()).containsEntry("reason", "timeout");
            assertThat(report.get(TlsResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
        }
    }

    @Test
    void httpServerOnThePortIsGarbage() {
        try (FaultServer server = FaultServer.start(Behaviour.GARBAGE)) {
            RdpResult rdp = probe(server.port()).get(RdpResult.class);

            assertThat(rdp.outcome()).isEqualTo(Outcome.GARBAGE);
            assertThat(rdp.details().get("firstBytes")).startsWith("48 54 54 50");
        }
    }

    @Test
    void slowServerWithinTheDeadlineIsStillOk() {
        try (FaultServer server = FaultServer.slow(Duration.ofMillis(300))) {
            RdpResult rdp = probe(server.port()).get(RdpResult.class);

            assertThat(rdp.outcome()).isEqualTo(Outcome.OK);
            assertThat(rdp.details()).containsEntry("selectedProtocol", "RDP");
        }
    }

    @Test
    void nlaOnlyAnswerIsAFailureNamingTheCode() {
        byte[] hybridRequired = HexFormat.of().parseHex("030000130ed000001234000300080005000000");
        try (FaultServer server = FaultServer.replying(hybridRequired)) {
            RdpResult rdp = probe(server.port()).get(RdpResult.class);

            assertThat(rdp.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(rdp.details()).containsEntry("failureCode", "HYBRID_REQUIRED_BY_SERVER")
                    .containsEntry("nlaRequired", "true");
        }
    }

    @Test
    void legacyConfirmWithoutNegotiationDataMeansStandardRdpSecurity() {
        try (FaultServer server = FaultServer.replying(HexFormat.of().parseHex("0300000b06d00000123400"))) {
            RdpResult rdp = probe(server.port()).get(RdpResult.class);

            assertThat(rdp.outcome()).isEqualTo(Outcome.OK);
            assertThat(rdp.details()).containsEntry("selectedProtocol", "RDP").containsEntry("legacyConfirm", "true");
        }
    }

    @Test
    void filteredPortTimesOut() {
        try (FilteredPort filtered = FilteredPort.open()) {
            ProbeReport report = probe(filtered.port());

            assertThat(report.get(TcpResult.class).outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(report.get(TcpResult.class).summary()).contains("filtered");
            assertThat(report.get(RdpResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
        }
    }

    @Test
    void hangingServerLeavesNoSocketOpenAndNoThreadRunning() {
        try (FaultServer server = FaultServer.start(Behaviour.HANG)) {
            probe(server.port());

            assertThat(server.connectionCount()).isPositive();
            assertThat(server.awaitClientsClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(awaitNoActiveThreads()).isTrue();
        }
    }

    @Test
    void overallDeadlineShorterThanTheStepTimeoutEndsTheRunAndClosesEverything() {
        Prober quick = Prober.builder().policy(TargetPolicy.of("127.0.0.1/32:1024-65535"))
                .stepTimeout(Duration.ofSeconds(30)).overallTimeout(Duration.ofMillis(500)).executor(executor).build();
        try (FaultServer server = FaultServer.start(Behaviour.HANG)) {
            ProbeReport report = quick.probe(new Target("127.0.0.1", server.port()));

            assertThat(report.get(RdpResult.class).outcome()).isEqualTo(Outcome.NO_RESPONSE);
            assertThat(server.awaitClientsClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(awaitNoActiveThreads()).isTrue();
        }
    }

    @Test
    void cancellingAnAsyncProbeClosesItsSockets() throws Exception {
        Prober slow = Prober.builder().policy(TargetPolicy.of("127.0.0.1/32:1024-65535"))
                .stepTimeout(Duration.ofSeconds(30)).overallTimeout(Duration.ofSeconds(30)).executor(executor).build();
        LinkedBlockingQueue<String> started = new LinkedBlockingQueue<>();
        try (FaultServer server = FaultServer.start(Behaviour.HANG)) {
            CompletableFuture<ProbeReport> running = slow.probeAsync(new Target("127.0.0.1", server.port()),
                    new ProbeListener() {
                        @Override
                        public void stepStarted(Target target, String step) {
                            started.add(step);
                        }
                    });
            while (!"rdp".equals(started.poll(5, TimeUnit.SECONDS))) {
                assertThat(running).isNotDone();
            }
            running.cancel(true);

            assertThat(server.awaitClientsClosed(Duration.ofSeconds(5))).isTrue();
            assertThat(awaitNoActiveThreads()).isTrue();
            assertThat(running).isCancelled();
        }
    }

    @Test
    void listenerSeesEveryStepFinishOnceInLadderOrderAgainstARealLikeServer() {
        List<String> finished = new CopyOnWriteArrayList<>();
        try (FaultServer server = FaultServer.slow(Duration.ofMillis(50))) {
            prober.probe(new Target("127.0.0.1", server.port()), new ProbeListener() {
                @Override
                public void stepFinished(Target target, ProbeResult result) {
                    finished.add(result.name());
                }
            });
        }

        assertThat(finished).containsExactlyElementsOf(ProbeReport.LADDER);
    }

    @Test
    void listenerSeesEveryStepFinishInLadderOrderForARefusedPort() {
        List<String> finished = new CopyOnWriteArrayList<>();
        prober.probe(new Target("127.0.0.1", Ports.free()), new ProbeListener() {
            @Override
            public void stepFinished(Target target, ProbeResult result) {
                finished.add(result.name());
            }
        });

        assertThat(finished).containsExactlyElementsOf(ProbeReport.LADDER);
    }

    @Test
    void loopbackWithoutAnAllowEntryIsDeniedWithoutConnecting() {
        try (FaultServer server = FaultServer.start(Behaviour.HANG);
             Prober strict = Prober.builder().policy(TargetPolicy.of("10.0.0.0/8")).executor(executor).build()) {
            ProbeReport report = strict.probe(new Target("127.0.0.1", server.port()));

            assertThat(report.get(PolicyResult.class).outcome()).isEqualTo(Outcome.DENIED);
            assertThat(report.get(PolicyResult.class).summary()).isEqualTo(
                    "127.0.0.1 is a loopback address; probing it needs an explicit allow entry such as 127.0.0.1/32");
            assertThat(report.get(TcpResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(report.decision()).get().extracting(PolicyDecision::isAllowed).isEqualTo(false);
            assertThat(server.connectionCount()).isZero();
        }
    }

    @Test
    void nameResolvingToLoopbackIsDeniedAndTheResolverIsAskedOnce() {
        List<String> lookups = new CopyOnWriteArrayList<>();
        Resolver rebinding = host -> {
            lookups.add(host);
            return List.of(java.net.InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        };
        try (Prober strict = Prober.builder().policy(TargetPolicy.of(".corp.example.com")).resolver(rebinding)
                .executor(executor).build()) {
            ProbeReport report = strict.probe(Target.of("rdp.corp.example.com"));

            assertThat(report.get(DnsResult.class).outcome()).isEqualTo(Outcome.RESOLVED);
            assertThat(report.get(PolicyResult.class).outcome()).isEqualTo(Outcome.DENIED);
            assertThat(report.get(PolicyResult.class).summary()).isEqualTo("rdp.corp.example.com resolves to "
                    + "127.0.0.1, a loopback address; probing it needs an explicit allow entry such as 127.0.0.1/32");
            assertThat(lookups).containsExactly("rdp.corp.example.com");
        }
    }

    @Test
    void localhostThroughTheSystemResolverIsDenied() {
        try (Prober strict = Prober.builder().policy(TargetPolicy.of("0.0.0.0/0", "::/0")).executor(executor).build()) {
            ProbeReport report = strict.probe(Target.of("localhost"));

            assertThat(report.get(PolicyResult.class).outcome()).isEqualTo(Outcome.DENIED);
            assertThat(report.get(PolicyResult.class).summary()).startsWith("localhost resolves to ")
                    .contains("loopback address; probing it needs an explicit allow entry");
        }
    }

    @Test
    void metadataAddressIsDeniedNamingTheMetadataService() {
        try (Prober strict = Prober.builder().policy(TargetPolicy.of("0.0.0.0/0")).executor(executor).build()) {
            ProbeReport report = strict.probe(Target.of("169.254.169.254"));

            assertThat(report.get(PolicyResult.class).summary()).isEqualTo("169.254.169.254 is a link-local address "
                    + "(the cloud metadata service); probing it needs an explicit allow entry such as 169.254.169.254/32");
        }
    }

    @Test
    void unknownNameIsNxdomainAndSkipsTheRest() {
        Resolver none = host -> {
            throw new java.net.UnknownHostException(host + ": Name or service not known");
        };
        try (Prober strict = Prober.builder().policy(TargetPolicy.of("0.0.0.0/0")).resolver(none)
                .executor(executor).build()) {
            ProbeReport report = strict.probe(Target.of("nope.example.invalid"));

            assertThat(report.get(DnsResult.class).outcome()).isEqualTo(Outcome.NXDOMAIN);
            assertThat(report.get(PolicyResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
            assertThat(report.decision()).isEmpty();
        }
    }

    /** Threads of the run end once their sockets are closed; the pool's count drops to zero. */
    private boolean awaitNoActiveThreads() {
        for (int i = 0; i < 250; i++) {
            if (executor.getActiveCount() == 0) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new CancellationException("interrupted");
            }
        }
        return false;
    }
}
