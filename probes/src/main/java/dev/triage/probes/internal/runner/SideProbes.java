package dev.triage.probes.internal.runner;

import dev.triage.probes.Target;
import dev.triage.probes.internal.policy.IpLiterals;
import dev.triage.probes.internal.rdp.Negotiation;
import dev.triage.probes.internal.rdp.NegotiationReply;
import dev.triage.probes.internal.rdp.SecurityProtocol;
import dev.triage.probes.internal.tcp.TcpConnector;
import dev.triage.probes.internal.tls.ServerFlight;
import dev.triage.probes.internal.tls.TlsVersion;
import dev.triage.probes.internal.tls.VersionProbe;
import java.net.InetAddress;
import java.util.Optional;

/**
 * The probes that each need a connection of their own and run beside the main ladder: one X.224 request per
 * security layer (which layers the server accepts), and one hand-built ClientHello per TLS version.
 */
final class SideProbes {
    private final Target target;
    private final InetAddress address;
    private final RunSettings settings;
    private final CancelScope scope;
    private final Deadline overall;
    private final ConnectionGate gate;

    SideProbes(Target target, InetAddress address, RunSettings settings, CancelScope scope, Deadline overall,
               ConnectionGate gate) {
        this.gate = gate;
        this.target = target;
        this.address = address;
        this.settings = settings;
        this.scope = scope;
        this.overall = overall;
    }

    /** One request's answer; empty when the connection failed. */
    record LayerAnswer(int requested, Optional<Negotiation.Exchange> exchange) {
    }

    /** One TLS version's verdict; {@code note} explains an empty flight (no connection, no TLS selected). */
    record VersionAnswer(TlsVersion version, Optional<ServerFlight> flight, String note) {
    }

    LayerAnswer layer(int requested) {
        if (!gate.enter(step())) {
            return new LayerAnswer(requested, Optional.empty());
        }
        Optional<java.net.Socket> socket = connect();
        if (socket.isEmpty()) {
            gate.leave();
            return new LayerAnswer(requested, Optional.empty());
        }
        try {
            Negotiation.Exchange exchange = Negotiation.run(socket.get(), requested, step());
            gate.leave();
            return new LayerAnswer(requested, Optional.of(exchange));
        } finally {
            CancelScope.closeQuietly(socket.get());
        }
    }

    VersionAnswer version(TlsVersion version) {
        if (!gate.enter(step())) {
            return new VersionAnswer(version, Optional.empty(), "no connection before the deadline");
        }
        Optional<java.net.Socket> socket = connect();
        if (socket.isEmpty()) {
            gate.leave();
            return new VersionAnswer(version, Optional.empty(), "no connection");
        }
        try {
            Negotiation.Exchange exchange = Negotiation.run(socket.get(), Ladder.REQUESTED, step());
            gate.leave();
            if (!(exchange instanceof Negotiation.Exchange.Answered answered
                    && answered.reply() instanceof NegotiationReply.Selected selected
                    && SecurityProtocol.startsTls(selected.selectedProtocol()))) {
                return new VersionAnswer(version, Optional.empty(), "the server did not select TLS");
            }
            Optional<String> sni = IpLiterals.parse(target.host()).isPresent() ? Optional.empty()
                    : Optional.of(target.host());
            return new VersionAnswer(version,
                    Optional.of(VersionProbe.offer(socket.get(), version, sni, step(), settings.random())), "");
        } finally {
            CancelScope.closeQuietly(socket.get());
        }
    }

    private Optional<java.net.Socket> connect() {
        TcpConnector.Attempt attempt = TcpConnector.connect(address, target.port(), step(), scope);
        return attempt instanceof TcpConnector.Attempt.Connected connected
                ? Optional.of(connected.socket()) : Optional.empty();
    }

    private Deadline step() {
        return overall.capped(settings.stepTimeout());
    }
}
