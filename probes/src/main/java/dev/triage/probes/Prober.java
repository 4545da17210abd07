package dev.triage.probes;

import dev.triage.probes.internal.runner.CancelScope;
import dev.triage.probes.internal.runner.ProbeRun;
import dev.triage.probes.internal.runner.RunSettings;
import dev.triage.probes.internal.tls.CertificateAssessor;
import dev.triage.probes.internal.tls.TlsClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the read-only RDP probe ladder against one target: DNS → policy → TCP → RDP negotiation → TLS → certificate →
 * NTLM. Built once with {@link #builder()}, immutable and thread-safe afterwards; close it to stop its threads.
 *
 * <p>A run first asks the {@link TargetPolicy} whether the name could be allowed at all (a name it refuses is never
 * looked up, so it cannot leak to a DNS server), then resolves it once through the {@link Resolver}, asks the policy
 * about the addresses, and connects only to the vetted address. The main
 * connection makes the mstsc-like handshake while, in parallel, one connection per security layer (RDP, SSL, HYBRID)
 * and one per TLS version (1.0 to 1.3, hand-built ClientHellos, independent of the JDK's disabled protocols) find
 * what the server accepts: up to 8 connections per run. Every step has its own deadline (the step timeout) and the
 * run as a whole the overall timeout; when that passes every socket is closed, so no thread or socket outlives the
 * run by more than a moment. Failures are results, never exceptions.
 */
public final class Prober implements AutoCloseable {
    private final RunSettings settings;
    private final ProbeListener defaultListener;
    private final boolean ownsExecutor;

    private Prober(Builder builder) {
        ExecutorService executor = builder.executor != null ? builder.executor : defaultExecutor();
        this.ownsExecutor = builder.executor == null;
        this.defaultListener = builder.listener;
        this.settings = new RunSettings(builder.policy, builder.resolver, builder.sharedDns, builder.stepTimeout, builder.overallTimeout,
                builder.clock, builder.scanProtocols, builder.scanTlsVersions, builder.connectionsInFlight, executor, new TlsClient(),
                new CertificateAssessor(), new SecureRandom());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Probes {@code target} with the builder's listener; blocks until the report is complete (at most about the overall timeout). */
    public ProbeReport probe(Target target) {
        return probe(target, defaultListener);
    }

    /** Probes {@code target}, reporting each step to {@code listener} as it starts and finishes. */
    public ProbeReport probe(Target target, ProbeListener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(listener, "listener");
        return new ProbeRun(target, settings, listener, new CancelScope()).run();
    }

    /**
     * Probes {@code target} under the builder's policy narrowed by {@code scope} ({@link TargetPolicy#narrowedBy}):
     * the target must pass both, so a scope can only take away. {@code scopeName} introduces the scope's denials.
     */
    public ProbeReport probe(Target target, TargetPolicy scope, String scopeName, ProbeListener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(listener, "listener");
        RunSettings narrowed = settings.withPolicy(settings.policy().narrowedBy(scope, scopeName));
        return new ProbeRun(target, narrowed, listener, new CancelScope()).run();
    }

    /**
     * Probes in the background. Cancelling the returned future closes the run's sockets at once; its tasks then end
     * within moments and no report is produced.
     */
    public CompletableFuture<ProbeReport> probeAsync(Target target, ProbeListener listener) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(listener, "listener");
        CancelScope scope = new CancelScope();
        CompletableFuture<ProbeReport> report = CompletableFuture.supplyAsync(
                () -> new ProbeRun(target, settings, listener, scope).run(), settings.executor());
        CompletableFuture<ProbeReport> handle = new CompletableFuture<>();
        report.whenComplete((value, error) -> {
            if (error != null) {
                handle.completeExceptionally(error);
            } else {
                handle.complete(value);
            }
        });
        handle.whenComplete((value, error) -> {
            if (handle.isCancelled()) {
                scope.cancel();
            }
        });
        return handle;
    }

    public TargetPolicy policy() {
        return settings.policy();
    }

    /** Stops the prober's own threads (not an executor passed to the builder). Running probes are not waited for. */
    @Override
    public void close() {
        if (ownsExecutor) {
            settings.executor().shutdownNow();
        }
    }

    private static ExecutorService defaultExecutor() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "triage-probe-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(threads);
    }

    /** Configures a {@link Prober}. Not thread-safe; build once. */
    public static final class Builder {
        private TargetPolicy policy = TargetPolicy.denyAll();
        private Resolver resolver = Resolver.SYSTEM;
        private boolean sharedDns;
        private Duration stepTimeout = Duration.ofSeconds(3);
        private Duration overallTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();
        private boolean scanProtocols = true;
        private boolean scanTlsVersions = true;
        private int connectionsInFlight = 3;
        private ExecutorService executor;
        private ProbeListener listener = ProbeListener.NONE;

        private Builder() {
        }

        /** The allow-list. The default denies everything. */
        public Builder policy(TargetPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The default is {@link Resolver#SYSTEM}. */
        public Builder resolver(Resolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /**
         * Whether the resolver sees the same DNS as the users (the same corporate DNS servers). It decides only how
         * much a failed lookup says about the user's problem: the DNS result carries the detail {@code vantage}
         * ({@code shared} or {@code triage}). The default is false: Triage's own view.
         */
        public Builder sharedDns(boolean shared) {
            this.sharedDns = shared;
            return this;
        }

        /** The deadline of each step (DNS, connect, X.224 answer, TLS handshake, NTLM answer). The default is 3 seconds. */
        public Builder stepTimeout(Duration timeout) {
            this.stepTimeout = positive(timeout, "stepTimeout");
            return this;
        }

        /** The deadline of a whole run. The default is 5 seconds. */
        public Builder overallTimeout(Duration timeout) {
            this.overallTimeout = positive(timeout, "overallTimeout");
            return this;
        }

        /** The clock for certificate validity and NTLM clock skew. The default is UTC system time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether to send one X.224 request per security layer to learn which the server accepts. Default true. */
        public Builder scanProtocols(boolean scan) {
            this.scanProtocols = scan;
            return this;
        }

        /** Whether to try each TLS version with its own connection. Default true. */
        public Builder scanTlsVersions(boolean scan) {
            this.scanTlsVersions = scan;
            return this;
        }

        /**
         * How many of a run's connections may wait for the server's first answer at once. The default, 3, keeps a
         * burst within xrdp's listen backlog of 2 (a dropped SYN costs a one-second retransmit); Windows listeners
         * have deep backlogs, and 7 lets every side probe start at once, saving round trips on slow links.
         */
        public Builder connectionsInFlight(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("connectionsInFlight must be at least 1: " + connections);
            }
            this.connectionsInFlight = connections;
            return this;
        }

        /**
         * Threads for the parallel steps; a run uses up to 10 at once (11 with {@link Prober#probeAsync}), and a pool
         * with fewer threads than the concurrent runs need makes steps wait and end as "deadline passed". The caller
         * keeps ownership. The default is an unbounded cached pool of daemon threads owned by the prober.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The listener for {@link Prober#probe(Target)}. The default is {@link ProbeListener#NONE}. */
        public Builder listener(ProbeListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Prober build() {
            return new Prober(this);
        }

        private static Duration positive(Duration duration, String name) {
            Objects.requireNonNull(duration, name);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + duration);
            }
            return duration;
        }
    }
}
