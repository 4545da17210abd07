package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.ProbeFinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthyServerTest {
    @Test
    void aSelfSignedCertificateWithWorkingTlsIsHealthyAndSaysWhy() {
        List<ProbeFinding> findings = List.of(new ProbeFinding("tcp", "CONNECTED", Map.of()),
                new ProbeFinding("rdp", "OK", Map.of("selectedProtocol", "SSL")),
                new ProbeFinding("tls", "OK", Map.of()), new ProbeFinding("certificate", "SELF_SIGNED", Map.of()));

        assertThat(HealthyServer.from(findings)).hasValueSatisfying(h -> assertThat(h.describe())
                .isEqualTo("Triage's probes found the server healthy: the port is open, RDP negotiates (SSL), TLS"
                        + " works and the certificate is valid"));
    }

    @Test
    void anExpiredCertificateIsNotHealthy() {
        assertThat(HealthyServer.from(List.of(new ProbeFinding("tcp", "CONNECTED", Map.of()),
                new ProbeFinding("rdp", "OK", Map.of()), new ProbeFinding("tls", "OK", Map.of()),
                new ProbeFinding("certificate", "EXPIRED", Map.of())))).isEmpty();
    }
}
