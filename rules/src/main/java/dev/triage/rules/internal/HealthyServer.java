package dev.triage.rules.internal;

import dev.triage.rules.ProbeFinding;
import java.util.List;
import java.util.Optional;

/**
 * Derived from the probe findings: seen from Triage, the server accepts TCP, negotiates RDP, completes TLS and presents
 * a valid certificate (self-signed is the RDP default). One fact for the whole picture, so the rules that move weight
 * to the client and the path can say why in one sentence instead of quoting one of the four findings.
 *
 * @param selectedProtocol the security layer the server chose
 */
public record HealthyServer(String selectedProtocol) {

    static Optional<HealthyServer> from(List<ProbeFinding> findings) {
        boolean tcp = has(findings, "tcp", "CONNECTED");
        boolean tls = has(findings, "tls", "OK");
        boolean certificate = has(findings, "certificate", "OK") || has(findings, "certificate", "SELF_SIGNED");
        Optional<ProbeFinding> rdp = findings.stream()
                .filter(f -> f.probe().equals("rdp") && f.outcome().equals("OK")).findFirst();
        if (!tcp || !tls || !certificate || rdp.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HealthyServer(rdp.get().detail("selectedProtocol")));
    }

    String describe() {
        return "Triage's probes found the server healthy: the port is open, RDP negotiates"
                + (selectedProtocol.isEmpty() ? "" : " (" + selectedProtocol + ")")
                + ", TLS works and the certificate is valid";
    }

    private static boolean has(List<ProbeFinding> findings, String probe, String outcome) {
        return findings.stream().anyMatch(f -> f.probe().equals(probe) && f.outcome().equals(outcome));
    }
}
