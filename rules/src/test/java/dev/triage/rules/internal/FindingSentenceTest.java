package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FindingSentenceTest {

    @Test
    void anRdpAnswerNamesTheSelectedLayerAndWhatTheServerAccepts() {
        assertThat(FindingSentence.of(Fire.finding("rdp", "OK", "selectedProtocol", "SSL",
                "acceptedProtocols", "RDP,SSL", "nlaRequired", "false", "fingerprint", "srcref=1234 flags=1f")))
                .isEqualTo("the server selected TLS without NLA and accepts RDP and TLS");
    }

    @Test
    void anRdpAnswerSaysWhenNlaIsRequired() {
        assertThat(FindingSentence.of(Fire.finding("rdp", "OK", "selectedProtocol", "HYBRID",
                "acceptedProtocols", "HYBRID,HYBRID_EX", "nlaRequired", "true")))
                .isEqualTo("the server selected NLA (CredSSP) and accepts NLA and NLA with early authorization;"
                        + " NLA is required");
    }

    @Test
    void aNegotiationFailureExplainsItsCode() {
        assertThat(FindingSentence.of(Fire.finding("rdp", "FAILURE", "requestedProtocols", "SSL",
                "failureCode", "HYBRID_REQUIRED_BY_SERVER")))
                .isEqualTo("the server refused SSL with HYBRID_REQUIRED_BY_SERVER: it requires NLA");
    }

    @Test
    void nxdomainSaysItIsTriagesOwnResolversViewUnlessTheDnsIsShared() {
        assertThat(FindingSentence.of(Fire.finding("dns", "NXDOMAIN", "vantage", "triage"))).isEqualTo(
                "Triage's own resolver does not know the name (NXDOMAIN); that is Triage's view of DNS, not"
                        + " necessarily the user's: a name only the corporate DNS knows looks the same");
        assertThat(FindingSentence.of(Fire.finding("dns", "NXDOMAIN", "vantage", "shared")))
                .isEqualTo("the name does not exist in DNS (NXDOMAIN)");
    }

    @Test
    void anExpiredCertificateGivesItsDay() {
        assertThat(FindingSentence.of(Fire.finding("certificate", "EXPIRED", "notAfter", "2021-01-01T00:00:00Z",
                "subject", "CN=rdp01")))
                .isEqualTo("the certificate expired on 2021-01-01");
    }

    @Test
    void aTimedOutPortReadsAsFiltered() {
        assertThat(FindingSentence.of(Fire.finding("tcp", "TIMEOUT", "port", "3389", "address", "10.0.0.5",
                "error", "connect timed out")))
                .isEqualTo("port 3389/tcp on 10.0.0.5 timed out: filtered, or the host is down");
    }

    @Test
    void aTlsFailureCarriesTheError() {
        assertThat(FindingSentence.of(Fire.finding("tls", "HANDSHAKE_FAILED", "error", "handshake_failure alert")))
                .isEqualTo("the TLS handshake failed (handshake_failure alert)");
    }

    @Test
    void aSkewedClockIsNamedInMinutes() {
        assertThat(FindingSentence.of(Fire.finding("ntlm", "OK", "netbiosDomainName", "CORP",
                "netbiosComputerName", "RDS01", "nameMatches", "true", "clockSkewSeconds", "-900")))
                .isEqualTo("the server names itself CORP\\RDS01; its clock is 15 minutes off");
    }

    @Test
    void anUnknownOutcomeStillSaysWhichProbeAndWhat() {
        assertThat(FindingSentence.of(Fire.finding("dns", "SOMETHING_NEW"))).isEqualTo("dns probe: something new");
    }
}
