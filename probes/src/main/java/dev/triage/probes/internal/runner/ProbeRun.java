package dev.triage.probes.internal.runner;

import dev.triage.probes.CertificateResult;
import dev.triage.probes.DnsResult;
import dev.triage.probes.NtlmResult;
import dev.triage.probes.Outcome;
import dev.triage.probes.PolicyDecision;
import dev.triage.probes.PolicyResult;
import dev.triage.probes.ProbeListener;
import dev.triage.probes.ProbeReport;
import dev.triage.probes.ProbeResult;
import dev.triage.probes.RdpResult;
import dev.triage.probes.Target;
import dev.triage.probes.TcpResult;
import dev.triage.probes.TlsResult;
import dev.triage.probes.internal.policy.IpLiterals;
import dev.triage.probes.internal.rdp.Negotiation;
import dev.triage.probes.internal.rdp.NegotiationReply;
import dev.triage.probes.internal.rdp.SecurityProtocol;
import dev.triage.probes.internal.tcp.TcpConnector;
import dev.triage.probes.internal.tls.TlsVersion;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One probe run of one target: DNS, policy, then the main ladder and the side probes in parallel under the overall
 * deadline. When the deadline passes, the run's cancel scope closes every socket so every task ends promptly.
 */
public final class ProbeRun {
    /** How long tasks get to finish after their sockets were closed at the deadline. */
    private static final Duration GRACE = Duration.ofMillis(250);
    /** How long the report waits for the PTR lookup after the probes are done. */
    private static final Duration REVERSE_GRACE = Duration.ofMillis(100);
    private static final int[] LAYER_REQUESTS = {
        SecurityProtocol.RDP.bits(), SecurityProtocol.SSL.bits(),
    };

    private final Target target;
    private final RunSettings settings;
    private final Events events;
    private final CancelScope scope;
    private final Deadline overall;
    private final long startNanos = System.nanoTime();

    public ProbeRun(Target target, RunSettings settings, ProbeListener listener, CancelScope scope) {
        this.target = target;
        this.settings = settings;
        this.events = new Events(listener, target);
        this.scope = scope;
        this.overall = Deadline.after(settings.overallTimeout());
    }

    public ProbeReport run() {
        try {
            return probe();
        } finally {
            scope.closeAll();
        }
    }

    private ProbeReport probe() {
        Optional<PolicyDecision> early = settings.policy().decideBeforeResolving(target);
        if (early.isPresent()) {
            return deniedUnresolved(early.get());
        }
        events.started("dns");
        DnsStep.Resolved dns = DnsStep.resolve(target.host(), settings.resolver(), settings.sharedDns(),
                settings.executor(),
                overall.capped(settings.stepTimeout()));
        events.finished(dns.result());
        if (dns.addresses().isEmpty()) {
            return report(Optional.empty(), dns.result(), skipAll("the name did not resolve", true));
        }
        events.started("policy");
        PolicyDecision decision = settings.policy().decide(target, dns.addresses());
        PolicyResult policy = events.finished(policyResult(decision));
        if (!(decision instanceof PolicyDecision.Allowed allowed)) {
            return report(Optional.of(decision), dns.result(),
                    withPolicy(policy, skipAll("refused by the target policy", false)));
        }
        return probeAllowed(decision, allowed.address(), dns.result(), policy);
    }

    /** The policy denied the name before any DNS query: DNS is skipped, not run, so the name never leaves. */
    private ProbeReport deniedUnresolved(PolicyDecision decision) {
        DnsResult dns = events.finished(DnsResult.skipped("not looked up: the target policy refuses " + target.host()
                + " whatever it resolves to"));
        events.started("policy");
        PolicyResult policy = events.finished(policyResult(decision));
        return report(Optional.of(decision), dns, withPolicy(policy, skipAll("refused by the target policy", false)));
    }

    private ProbeReport probeAllowed(PolicyDecision decision, InetAddress address, DnsResult dns, PolicyResult policy) {
        CompletableFuture<Optional<String>> reverse = async(() -> settings.resolver().reverse(address));
        ConnectionGate gate = new ConnectionGate(settings.connectionsInFlight());
        Ladder ladder = new Ladder(target, address, settings, scope, overall, events, gate);
        SideProbes side = new SideProbes(target, address, settings, scope, overall, gate);
        gate.enter(overall); // the main connection's permit, taken before any side probe can queue for one
        CompletableFuture<Void> ladderDone = CompletableFuture.runAsync(ladder::run, settings.executor());
        List<CompletableFuture<SideProbes.LayerAnswer>> layers = new ArrayList<>();
        if (settings.scanProtocols()) {
            for (int requested : LAYER_REQUESTS) {
                layers.add(async(() -> side.layer(requested)));
            }
        }
        List<CompletableFuture<SideProbes.VersionAnswer>> versions = new ArrayList<>();
        if (settings.scanTlsVersions()) {
            for (TlsVersion version : TlsVersion.values()) {
                versions.add(async(() -> side.version(version)));
            }
        }
        OrderedFinishes finishes = new OrderedFinishes(events);
        ladder.tcp.thenAccept(finishes::offer);
        CompletableFuture<RdpResult> rdp = ladder.negotiated.thenCombine(all(layers),
                (main, answers) -> finishes.offerTyped(RdpAssembler.assemble(main, answers), RdpResult.class));
        CompletableFuture<List<SideProbes.VersionAnswer>> allVersions = all(versions);
        CompletableFuture<TlsInputs> tlsInputs = ladder.negotiated.thenCombine(ladder.secured, Pair::new)
                .thenCombine(allVersions, (p, v) -> new TlsInputs(p.main(), p.secured(), v));
        CompletableFuture<TlsResult> tls = tlsInputs.thenApply(in -> finishes.offerTyped(
                TlsAssembler.tls(in.main(), in.secured(), in.versions()), TlsResult.class));
        CompletableFuture<CertificateResult> certificate = tlsInputs.thenApply(in -> finishes.offerTyped(
                certificate(in), CertificateResult.class));
        CompletableFuture<NtlmResult> ntlm = ladder.ntlm.thenCombine(ladder.negotiated,
                (ran, main) -> finishes.offerTyped(ntlm(ran, main), NtlmResult.class));

        boolean deadlineReached = !awaitAll(List.of(ladderDone, rdp, tls, certificate, ntlm));
        List<ProbeResult> results = new ArrayList<>();
        results.add(DnsStep.withReverse(dns, reverseName(reverse)));
        results.add(policy);
        results.add(finishes.offer(ladder.tcp.getNow(TcpResult.skipped(cutShort("TCP")))));
        results.add(finishes.offer(rdp.getNow(RdpResult.skipped(cutShort("RDP negotiation")))));
        results.add(finishes.offer(tls.getNow(TlsResult.skipped(cutShort("TLS")))));
        results.add(finishes.offer(certificate.getNow(CertificateResult.skipped(cutShort("the certificate check")))));
        results.add(finishes.offer(ntlm.getNow(NtlmResult.skipped(cutShort("NTLM")))));
        return new ProbeReport(target, Optional.of(decision), results, TcpConnector.since(startNanos),
                deadlineReached);
    }

    /**
     * The PTR name is a nicety: it may wait a little past the probes, never until the deadline (a resolver without
     * PTR records can take seconds to say so).
     */
    private Optional<String> reverseName(CompletableFuture<Optional<String>> reverse) {
        long waitNanos = Math.min(overall.remaining().toNanos(), REVERSE_GRACE.toNanos());
        try {
            return reverse.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String cutShort(String step) {
        return "the overall deadline passed before " + step + " finished";
    }

    private CertificateResult certificate(TlsInputs in) {
        if (TlsAssembler.noTlsReason(in.main()).isEmpty()) {
            events.started("certificate");
        }
        return TlsAssembler.certificate(in.main(), in.secured(), in.versions(), settings.certificateAssessor(),
                target.host(), settings.clock().instant());
    }

    /** NTLM runs only when CredSSP was selected; otherwise say whether it was not offered or not reached. */
    private static NtlmResult ntlm(NtlmResult ran, MainConnection.Negotiated main) {
        if (ran.outcome() != Outcome.SKIPPED) {
            return ran;
        }
        Optional<Integer> selected = selectedProtocol(main);
        if (selected.isPresent() && !SecurityProtocol.isCredSsp(selected.get())) {
            return new NtlmResult(Outcome.NOT_OFFERED, "the server selected "
                    + SecurityProtocol.nameOf(selected.get()) + ", not CredSSP (NLA), so it offers no NTLM exchange",
                    Duration.ZERO, Map.of("selectedProtocol", SecurityProtocol.nameOf(selected.get())));
        }
        if (selected.isPresent()) {
            return NtlmResult.skipped("the TLS handshake did not complete");
        }
        return NtlmResult.skipped(main.exchange().isEmpty() ? "no TCP connection" : "RDP negotiation did not succeed");
    }

    private static Optional<Integer> selectedProtocol(MainConnection.Negotiated main) {
        if (main.exchange().orElse(null) instanceof Negotiation.Exchange.Answered answered) {
            if (answered.reply() instanceof NegotiationReply.Selected s) {
                return Optional.of(s.selectedProtocol());
            }
            if (answered.reply() instanceof NegotiationReply.LegacyConfirm) {
                return Optional.of(SecurityProtocol.RDP.bits());
            }
        }
        return Optional.empty();
    }

    /** Waits for every future until the deadline; then closes all sockets and gives the tasks a short grace. */
    private boolean awaitAll(List<CompletableFuture<?>> futures) {
        CompletableFuture<Void> all = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        try {
            all.get(overall.remaining().toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            scope.cancel();
            try {
                all.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException late) {
                // Results still missing are reported as cut short by the deadline.
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe task failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            scope.cancel();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T> CompletableFuture<T> async(java.util.function.Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, settings.executor());
    }

    private static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }

    private static PolicyResult policyResult(PolicyDecision decision) {
        Map<String, String> details = new LinkedHashMap<>();
        decision.checkedAddress().ifPresent(a -> details.put("address", IpLiterals.text(a)));
        details.put("reason", decision.reason());
        if (decision instanceof PolicyDecision.Allowed allowed) {
            details.put("rule", allowed.rule());
            return new PolicyResult(Outcome.ALLOWED, decision.reason(), Duration.ZERO, details);
        }
        return new PolicyResult(Outcome.DENIED, decision.reason(), Duration.ZERO, details);
    }

    private List<ProbeResult> skipAll(String reason, boolean includingPolicy) {
        List<ProbeResult> skipped = new ArrayList<>();
        if (includingPolicy) {
            skipped.add(events.finished(PolicyResult.skipped(reason)));
        }
        skipped.add(events.finished(TcpResult.skipped(reason)));
        skipped.add(events.finished(RdpResult.skipped(reason)));
        skipped.add(events.finished(TlsResult.skipped(reason)));
        skipped.add(events.finished(CertificateResult.skipped(reason)));
        skipped.add(events.finished(NtlmResult.skipped(reason)));
        return skipped;
    }

    private static List<ProbeResult> withPolicy(PolicyResult policy, List<ProbeResult> rest) {
        List<ProbeResult> out = new ArrayList<>();
        out.add(policy);
        out.addAll(rest);
        return out;
    }

    private ProbeReport report(Optional<PolicyDecision> decision, DnsResult dns, List<ProbeResult> rest) {
        List<ProbeResult> results = new ArrayList<>();
        results.add(dns);
        results.addAll(rest);
        return new ProbeReport(target, decision, results, TcpConnector.since(startNanos), false);
    }

    private record Pair(MainConnection.Negotiated main, MainConnection.Secured secured) {
    }

    private record TlsInputs(MainConnection.Negotiated main, MainConnection.Secured secured,
                             List<SideProbes.VersionAnswer> versions) {
    }

}
