package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.probes.fixtures.DelayingProxy;
import dev.triage.probes.fixtures.TestCertificates;
import dev.triage.probes.fixtures.TestCertificates.Kind;
import dev.triage.probes.fixtures.XrdpServer;
import dev.triage.probes.fixtures.XrdpServer.Config;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes one real xrdp, reconfigured between tests (xrdp re-reads its ini on every connection). */
class XrdpProbeTest {
    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static XrdpServer xrdp;
    private static Prober prober;

    @BeforeAll
    static void startXrdp() throws Exception {
        certificates = TestCertificates.generate(java.nio.file.Files.createDirectories(dir.resolve("certs")));
        xrdp = XrdpServer.start(java.nio.file.Files.createDirectories(dir.resolve("xrdp")), tls(Kind.VALID));
        // Test servers listen on ephemeral ports; an entry without ports would allow only 3389.
        prober = Prober.builder().policy(TargetPolicy.of("127.0.0.1/32:1024-65535")).build();
    }

    @AfterAll
    static void stopXrdp() {
        if (prober != null) {
            prober.close();
        }
        if (xrdp != null) {
            xrdp.close();
        }
    }

    private static Config tls(Kind kind) {
        return Config.of("tls", certificates.certificate(kind), certificates.key(kind));
    }

    private ProbeReport probe(Config config) {
        xrdp.configure(config);
        return prober.probe(new Target("127.0.0.1", xrdp.port()));
    }

    @Test
    void validSelfSignedCertificateIsReportedSelfSignedWithItsFacts() {
        ProbeReport report = probe(tls(Kind.VALID));

        assertThat(report.get(TcpResult.class).outcome()).isEqualTo(Outcome.CONNECTED);
        RdpResult rdp = report.get(RdpResult.class);
        assertThat(rdp.outcome()).isEqualTo(Outcome.OK);
        assertThat(rdp.details()).containsEntry("selectedProtocol", "SSL").containsEntry("acceptedProtocols", "SSL")
                .containsEntry("rejected.RDP", "SSL_REQUIRED_BY_SERVER").containsEntry("sourceReference", "1234");
        TlsResult tls = report.get(TlsResult.class);
        assertThat(tls.outcome()).isEqualTo(Outcome.OK);
        assertThat(tls.details()).containsEntry("versions", "TLSv1.2,TLSv1.3").containsEntry("protocol", "TLSv1.3");
        CertificateResult certificate = report.get(CertificateResult.class);
        assertThat(certificate.outcome()).isEqualTo(Outcome.SELF_SIGNED);
        assertThat(certificate.details())
                .containsEntry("subject", "CN=localhost")
                .containsEntry("sans", "DNS:localhost,IP:127.0.0.1")
                .containsEntry("keyType", "RSA").containsEntry("keySize", "2048")
                .containsEntry("signatureAlgorithm", "SHA256WITHRSA")
                .containsEntry("selfSigned", "true").containsEntry("matchesName", "true");
        assertThat(report.get(NtlmResult.class).outcome()).isEqualTo(Outcome.NOT_OFFERED);
    }

    @Test
    void expiredCertificateSaysWhenItExpired() {
        CertificateResult certificate = probe(tls(Kind.EXPIRED)).get(CertificateResult.class);

        assertThat(certificate.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(certificate.details()).containsEntry("notAfter", "2021-01-01T00:00:00Z");
        assertThat(Long.parseLong(certificate.details().get("daysLeft"))).isNegative();
        assertThat(certificate.summary()).contains("expired on 2021-01-01T00:00:00Z");
    }

    @Test
    void futureCertificateIsNotYetValid() {
        CertificateResult certificate = probe(tls(Kind.NOT_YET_VALID)).get(CertificateResult.class);

        assertThat(certificate.outcome()).isEqualTo(Outcome.NOT_YET_VALID);
        assertThat(certificate.details()).containsEntry("notBefore", "2099-01-01T00:00:00Z");
    }

    @Test
    void certificateForAnotherNameIsANameMismatch() {
        CertificateResult certificate = probe(tls(Kind.WRONG_HOST)).get(CertificateResult.class);

        assertThat(certificate.outcome()).isEqualTo(Outcome.NAME_MISMATCH);
        assertThat(certificate.details()).containsEntry("matchesName", "false")
                .containsEntry("sans", "DNS:wrong.example.invalid");
    }

    @Test
    void rsa1024KeyIsWeakWhenXrdpIsAllowedToServeIt() {
        CertificateResult certificate = probe(tls(Kind.WEAK_1024).withTlsCiphers("DEFAULT@SECLEVEL=1"))
                .get(CertificateResult.class);

        assertThat(certificate.outcome()).isEqualTo(Outcome.WEAK_KEY);
        assertThat(certificate.details()).containsEntry("keySize", "1024");
    }

    @Test
    void rsa1024KeyRefusedByXrdpBreaksTheHandshake() {
        ProbeReport report = probe(tls(Kind.WEAK_1024));

        assertThat(report.get(RdpResult.class).details()).containsEntry("selectedProtocol", "SSL");
        assertThat(report.get(TlsResult.class).outcome()).isIn(Outcome.HANDSHAKE_FAILED, Outcome.RESET);
    }

    @Test
    void certificateSignedByAPrivateCaIsNotSelfSigned() {
        CertificateResult certificate = probe(tls(Kind.CA_SIGNED)).get(CertificateResult.class);

        assertThat(certificate.outcome()).isEqualTo(Outcome.OK);
        assertThat(certificate.details()).containsEntry("issuer", "CN=RDP Test CA").containsEntry("selfSigned", "false");
    }

    @Test
    void chainWithItsCaIsReportedWithBothCertificates() {
        CertificateResult certificate = probe(tls(Kind.CA_SIGNED_CHAIN)).get(CertificateResult.class);

        assertThat(certificate.outcome()).isEqualTo(Outcome.OK);
        assertThat(certificate.details()).containsEntry("chainLength", "2").containsEntry("subject", "CN=localhost");
    }

    @Test
    void negotiateServerWithoutReadableCertificateQuietlyFallsBackToRdp() {
        ProbeReport report = probe(Config.of("negotiate", dir.resolve("missing.pem"), dir.resolve("missing.key")));

        assertThat(report.get(RdpResult.class).details()).containsEntry("selectedProtocol", "RDP")
                .containsEntry("acceptedProtocols", "RDP");
        assertThat(report.get(TlsResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void probingThroughTheDelayingProxyGivesTheSameAnswer() {
        xrdp.configure(tls(Kind.EXPIRED));
        try (DelayingProxy proxy = DelayingProxy.start(xrdp.port(), Duration.ofMillis(20))) {
            ProbeReport report = prober.probe(new Target("127.0.0.1", proxy.port()));

            assertThat(report.get(RdpResult.class).details()).containsEntry("selectedProtocol", "SSL");
            assertThat(report.get(CertificateResult.class).outcome()).isEqualTo(Outcome.EXPIRED);
        }
    }

    @Test
    void rdpOnlyServerAcceptsOnlyStandardSecurityAndSkipsTls() {
        ProbeReport report = probe(Config.of("rdp", certificates.certificate(Kind.VALID), certificates.key(Kind.VALID)));

        RdpResult rdp = report.get(RdpResult.class);
        assertThat(rdp.outcome()).isEqualTo(Outcome.OK);
        assertThat(rdp.details()).containsEntry("selectedProtocol", "RDP").containsEntry("acceptedProtocols", "RDP");
        assertThat(report.get(TlsResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.get(CertificateResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.get(NtlmResult.class).outcome()).isEqualTo(Outcome.NOT_OFFERED);
    }

    @Test
    void negotiateServerAcceptsRdpAndTls() {
        ProbeReport report = probe(Config.of("negotiate", certificates.certificate(Kind.VALID),
                certificates.key(Kind.VALID)));

        assertThat(report.get(RdpResult.class).details()).containsEntry("selectedProtocol", "SSL")
                .containsEntry("acceptedProtocols", "RDP,SSL").containsEntry("nlaRequired", "false");
    }

    @Test
    void tlsServerWithoutReadableCertificateFailsWithSslCertNotOnServer() {
        ProbeReport report = probe(Config.of("tls", dir.resolve("missing.pem"), dir.resolve("missing.key")));

        RdpResult rdp = report.get(RdpResult.class);
        assertThat(rdp.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(rdp.details()).containsEntry("failureCode", "SSL_CERT_NOT_ON_SERVER");
        assertThat(report.get(TlsResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
    }

    @Test
    void tls12OnlyServerAcceptsExactlyTls12() {
        TlsResult tls = probe(tls(Kind.VALID).withSslProtocols("TLSv1.2")).get(TlsResult.class);

        assertThat(tls.outcome()).isEqualTo(Outcome.OK);
        assertThat(tls.details()).containsEntry("versions", "TLSv1.2").containsEntry("protocol", "TLSv1.2");
    }

    @Test
    void tls13OnlyServerAcceptsExactlyTls13() {
        TlsResult tls = probe(tls(Kind.VALID).withSslProtocols("TLSv1.3")).get(TlsResult.class);

        assertThat(tls.details()).containsEntry("versions", "TLSv1.3");
    }

    @Test
    void legacyOnlyServerHasNoCommonVersionButItsCertificateIsStillRead() {
        ProbeReport report = probe(tls(Kind.EXPIRED).withSslProtocols("TLSv1, TLSv1.1")
                .withTlsCiphers("DEFAULT@SECLEVEL=0"));

        TlsResult tls = report.get(TlsResult.class);
        assertThat(tls.outcome()).isEqualTo(Outcome.NO_COMMON_VERSION);
        assertThat(tls.details()).containsEntry("versions", "TLSv1,TLSv1.1");
        CertificateResult certificate = report.get(CertificateResult.class);
        assertThat(certificate.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(certificate.details().get("source")).startsWith("hand-built TLSv1");
    }
}
