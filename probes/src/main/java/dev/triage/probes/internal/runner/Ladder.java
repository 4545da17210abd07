package dev.triage.probes.internal.runner;

import dev.triage.probes.NtlmResult;
import dev.triage.probes.Outcome;
import dev.triage.probes.Target;
import dev.triage.probes.TcpResult;
import dev.triage.probes.internal.ntlm.NtlmAssessor;
import dev.triage.probes.internal.ntlm.NtlmExchange;
import dev.triage.probes.internal.policy.IpLiterals;
import dev.triage.probes.internal.rdp.Negotiation;
import dev.triage.probes.internal.rdp.NegotiationReply;
import dev.triage.probes.internal.rdp.SecurityProtocol;
import dev.triage.probes.internal.tcp.TcpConnector;
import dev.triage.probes.internal.tls.TlsClient;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The main connection, the way mstsc makes it: TCP, X.224 offering SSL|HYBRID|HYBRID_EX, TLS if selected, then the
 * CredSSP/NTLM exchange if CredSSP was selected. Each stage completes its future as soon as it is known, so the
 * assemblers and listeners see results live.
 */
final class Ladder {
    static final int REQUESTED = SecurityProtocol.SSL.bits() | SecurityProtocol.HYBRID.bits()
            | SecurityProtocol.HYBRID_EX.bits();

    final CompletableFuture<TcpResult> tcp = new CompletableFuture<>();
    final CompletableFuture<MainConnection.Negotiated> negotiated = new CompletableFuture<>();
    final CompletableFuture<MainConnection.Secured> secured = new CompletableFuture<>();
    final CompletableFuture<NtlmResult> ntlm = new CompletableFuture<>();

    private final Target target;
    private final InetAddress address;
    private final RunSettings settings;
    private final CancelScope scope;
    private final Deadline overall;
    private final Events events;
    private final ConnectionGate gate;

    Ladder(Target target, InetAddress address, RunSettings settings, CancelScope scope, Deadline overall, Events events,
           ConnectionGate gate) {
        this.gate = gate;
        this.target = target;
        this.address = address;
        this.settings = settings;
        this.scope = scope;
        this.overall = overall;
        this.events = events;
    }

    /**
     * Runs every stage; whatever happens, every future is completed before this returns. The caller has entered the
     * gate for this connection; the ladder leaves it once the X.224 exchange is over.
     */
    void run() {
        try {
            stages();
        } finally {
            negotiated.complete(new MainConnection.Negotiated(REQUESTED, Optional.empty()));
            secured.complete(MainConnection.Secured.notAttempted("the run ended before TLS"));
            ntlm.complete(NtlmResult.skipped("the run ended before the CredSSP exchange"));
            tcp.complete(TcpResult.skipped("the run ended before TCP connected"));
        }
    }

    private void stages() {
        events.started("tcp");
        TcpConnector.Attempt attempt = TcpConnector.connect(address, target.port(), step(), scope);
        tcp.complete(tcpResult(attempt));
        if (!(attempt instanceof TcpConnector.Attempt.Connected connected)) {
            gate.leave();
            return;
        }
        Socket socket = connected.socket();
        events.started("rdp");
        Negotiation.Exchange exchange = Negotiation.run(socket, REQUESTED, step());
        gate.leave();
        negotiated.complete(new MainConnection.Negotiated(REQUESTED, Optional.of(exchange)));
        Optional<Integer> selected = selectedTls(exchange);
        if (selected.isEmpty()) {
            return;
        }
        events.started("tls");
        TlsClient.Handshake handshake = settings.tlsClient().handshake(socket, sniHost(), target.port(), step());
        secured.complete(new MainConnection.Secured(Optional.of(handshake), ""));
        if (handshake instanceof TlsClient.Handshake.Established established
                && SecurityProtocol.isCredSsp(selected.get())) {
            scope.register(established.socket());
            events.started("ntlm");
            long start = System.nanoTime();
            NtlmExchange.Answer answer = NtlmExchange.run(established.socket(), step());
            ntlm.complete(NtlmAssessor.assess(answer, target.host(), settings.clock().instant(),
                    TcpConnector.since(start)));
        }
    }

    private Optional<Integer> selectedTls(Negotiation.Exchange exchange) {
        if (exchange instanceof Negotiation.Exchange.Answered answered
                && answered.reply() instanceof NegotiationReply.Selected selected
                && SecurityProtocol.startsTls(selected.selectedProtocol())) {
            return Optional.of(selected.selectedProtocol());
        }
        return Optional.empty();
    }

    /** SNI carries names only (RFC 6066 3); for an IP literal JSSE gets the address and sends no SNI. */
    private String sniHost() {
        return IpLiterals.parse(target.host()).isPresent() ? IpLiterals.text(address) : target.host();
    }

    private Deadline step() {
        return overall.capped(settings.stepTimeout());
    }

    private TcpResult tcpResult(TcpConnector.Attempt attempt) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("address", IpLiterals.text(address));
        details.put("port", String.valueOf(target.port()));
        String where = IpLiterals.text(address) + ":" + target.port();
        if (attempt instanceof TcpConnector.Attempt.Connected connected) {
            details.put("connectMillis", millis(connected.took()));
            return new TcpResult(Outcome.CONNECTED, "connected to " + where + " in " + millis(connected.took()) + " ms",
                    connected.took(), details);
        }
        TcpConnector.Attempt.Failed failed = (TcpConnector.Attempt.Failed) attempt;
        details.put("error", failed.error());
        String summary = switch (failed.outcome()) {
            case REFUSED -> where + " refused the connection: nothing listens on that port";
            case TIMEOUT -> "no answer from " + where + " within " + millis(failed.took())
                    + " ms: the port is filtered (a firewall drops the packets) or the host is down";
            case RESET -> where + " reset the connection";
            default -> where + " is unreachable: " + failed.error();
        };
        return new TcpResult(failed.outcome(), summary, failed.took(), details);
    }

    static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }
}
