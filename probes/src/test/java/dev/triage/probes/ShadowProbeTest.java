package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.probes.fixtures.ShadowServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes an NLA-only FreeRDP shadow server: HYBRID selected, NTLM host information read without credentials. */
class ShadowProbeTest {
    @TempDir
    static Path dir;

    private static ShadowServer shadow;
    private static Prober prober;
    private static ProbeReport report;

    @BeforeAll
    static void probeShadow() {
        shadow = ShadowServer.start(dir);
        prober = Prober.builder().policy(TargetPolicy.of("127.0.0.1/32:" + shadow.port())).build();
        report = prober.probe(new Target("127.0.0.1", shadow.port()));
    }

    @AfterAll
    static void stop() {
        if (prober != null) {
            prober.close();
        }
        if (shadow != null) {
            shadow.close();
        }
    }

    @Test
    void serverSelectsHybridAndRequiresNla() {
        RdpResult rdp = report.get(RdpResult.class);

        assertThat(rdp.outcome()).isEqualTo(Outcome.OK);
        assertThat(rdp.details()).containsEntry("selectedProtocol", "HYBRID")
                .containsEntry("acceptedProtocols", "HYBRID")
                .containsEntry("rejected.RDP", "HYBRID_REQUIRED_BY_SERVER")
                .containsEntry("rejected.SSL", "HYBRID_REQUIRED_BY_SERVER")
                .containsEntry("nlaRequired", "true")
                .containsEntry("sourceReference", "0000");
    }

    @Test
    void tlsRunsBeforeCredSsp() {
        assertThat(report.get(TlsResult.class).outcome()).isEqualTo(Outcome.OK);
        assertThat(report.get(CertificateResult.class).details()).containsEntry("selfSigned", "true");
    }

    @Test
    void ntlmChallengeRevealsTheHostWithoutCredentials() {
        NtlmResult ntlm = report.get(NtlmResult.class);

        assertThat(ntlm.outcome()).isEqualTo(Outcome.OK);
        assertThat(ntlm.details()).containsKeys("netbiosComputerName", "dnsComputerName", "nameMatches");
        assertThat(ntlm.details().get("netbiosComputerName")).isNotBlank();
        assertThat(ntlm.details()).containsEntry("nameMatches", "unknown");
    }
}
