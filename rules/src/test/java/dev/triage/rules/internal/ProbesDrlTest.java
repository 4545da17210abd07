package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbesDrlTest {
    private final Fire fire = new Fire();

    @Test
    void expiredCertificateIsStrongEvidence() {
        assertThat(Fire.said(fire.findings(finding("certificate", "EXPIRED", "daysLeft", "-3")))).contains(
                tuple("probes: the certificate has expired", "cert.expired", 20));
    }

    @Test
    void filteredPortPointsAtFirewallsAndSecurityGroups() {
        assertThat(Fire.pairs(fire.findings(finding("tcp", "TIMEOUT")))).contains(
                tuple("probes: the port times out: a firewall drops it", "net.port-blocked"),
                tuple("probes: the port times out: a cloud security group drops it", "azure.nsg"));
    }

    @Test
    void missingServerCertificateFromNegotiationPointsAtTheKeyStore() {
        assertThat(Fire.pairs(fire.findings(finding("rdp", "FAILURE", "failureCode", "SSL_CERT_NOT_ON_SERVER")))).contains(
                tuple("probes: the server has no certificate for TLS", "cert.private-key-permission"),
                tuple("probes: the server has no certificate: a corrupt key store", "cert.machinekeys-corrupt"));
    }

    @Test
    void nxdomainFromTriagesOwnResolverWeighsLightly() {
        var said = Fire.said(fire.findings(finding("dns", "NXDOMAIN", "vantage", "triage")));

        assertThat(said).containsExactly(
                tuple("probes: Triage's own resolver does not know the name", "net.dns-wrong", 3));
    }

    @Test
    void nxdomainWithoutAVantageIsTreatedAsTriagesOwnView() {
        assertThat(Fire.said(fire.findings(finding("dns", "NXDOMAIN")))).containsExactly(
                tuple("probes: Triage's own resolver does not know the name", "net.dns-wrong", 3));
    }

    @Test
    void nxdomainFromTheUsersSharedDnsIsStrongEvidence() {
        var said = Fire.said(fire.findings(finding("dns", "NXDOMAIN", "vantage", "shared")));

        assertThat(said).containsExactly(
                tuple("probes: the name does not exist in the users' DNS", "net.dns-wrong", 16));
    }

    @Test
    void failedLookupWeighsByVantageToo() {
        assertThat(Fire.said(fire.findings(finding("dns", "FAILED", "vantage", "triage")))).contains(
                tuple("probes: Triage's own resolver could not resolve the name", "net.dns-wrong", 2));
        assertThat(Fire.said(fire.findings(finding("dns", "FAILED", "vantage", "shared")))).contains(
                tuple("probes: the name could not be resolved in the users' DNS", "net.dns-wrong", 9));
    }

    @Test
    void ntlmNameMismatchPointsAtDns() {
        assertThat(Fire.pairs(fire.findings(finding("ntlm", "OK", "nameMatches", "false", "clockSkewSeconds", "2")))).contains(
                tuple("probes: the name leads to a different computer", "net.dns-wrong"));
    }

    @Test
    void aServerWhoseTlsFailsIsNotHealthy() {
        assertThat(Fire.pairs(fire.findings(finding("tcp", "CONNECTED"), finding("rdp", "OK"),
                finding("tls", "HANDSHAKE_FAILED"), finding("certificate", "OK")))).doesNotContain(
                tuple("probes: a healthy server points at the client or the path", "net.vpn-unstable"));
    }

    @Test
    void healthyServerLowersServerCausesAndLiftsClientAndPathCauses() {
        var said = Fire.said(fire.findings(finding("tcp", "CONNECTED"),
                finding("rdp", "OK", "selectedProtocol", "HYBRID"), finding("tls", "OK"),
                finding("certificate", "OK", "daysLeft", "120")));
        assertThat(said).contains(
                tuple("probes: a healthy server rules out its certificate and TLS", "cert.private-key-permission", -4),
                tuple("probes: a healthy server points at the client or the path", "net.vpn-unstable", 5),
                tuple("probes: a healthy server points at the client or the path", "client.av-blocking", 5));
    }

    @Test
    void certificateCloseToExpiryLiftsExpiry() {
        assertThat(Fire.pairs(fire.findings(finding("certificate", "OK", "daysLeft", "1")))).contains(
                tuple("probes: the certificate expires within days", "cert.expired"));
    }
}
