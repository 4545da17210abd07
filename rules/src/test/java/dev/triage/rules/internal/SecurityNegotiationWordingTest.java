package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Security negotiation and clients, second pass (issue 13): mstsc's CredSSP dialog cut short, rdesktop's own CredSSP
 * messages and what rdesktop failing or working says about NLA, mRemoteNG's disconnect heading, unlisted 0x..07 codes,
 * FreeRDP's self-signed verdict and failures a client restart clears. Messages are the vendors' texts with made-up
 * hosts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityNegotiationWordingTest {
    private static final String RDESKTOP_FAILS =
            "mechanism: rdesktop failing where a FreeRDP client works is a host that requires NLA";
    private static final String RDESKTOP_CONNECTS = "mechanism: a host rdesktop connects to does not require NLA";
    private static final String MREMOTENG_HEADING =
            "mechanism: mRemoteNG's 'RDP disconnected!' heading is no unstable link";
    private static final String SELF_SIGNED = "mechanism: FreeRDP's self-signed verdict is no expired certificate";
    private static final String RESTART_CURES =
            "mechanism: an NLA failure a client restart clears is the client's state, not the server's NLA setting";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            credssp.oracle-remediation    | mstsc to app07 stops with an authentication error due to CredSSP, the same against our domain controller dc01
            nla.mismatch                  | rdesktop 192.0.2.8 -> Failed to connect, CredSSP required by server.
            nla.mismatch                  | ERROR: CredSSP: Initialize failed, do you have correct kerberos tgt initialized ? Failed to connect, CredSSP required by server.
            tls.version-mismatch          | rdesktop to a host where TLS 1.0 was turned off: Failed to connect, CredSSP required by server.
            client.stale-cert-fingerprint | [WARN][com.freerdp.crypto] - [verify_cb]: Certificate verification failure 'self-signed certificate (18)' at stack position 0
            """)
    void vendorMessageLeadsToItsCause(String cause, String message) {
        assertThat(ranked(CaseFacts.ofText(message)).get(0)).as(message).isEqualTo(cause);
    }

    @Test
    void rdesktopFailingWhereFreerdpConnectsIsAHostRequiringNla() {
        String message = "rdesktop cannot connect to the Windows 10 box, xfreerdp on the same laptop connects";

        assertThat(Fire.said(fire.text(message))).contains(tuple(RDESKTOP_FAILS, "nla.mismatch", 6));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            xfreerdp fails with ERRCONNECT_TLS_CONNECT_FAILED, rdesktop works
            rdesktop -u me 192.0.2.9: Connection established using SSL. ERROR: SSL_read: 5. Remmina connects fine.
            """)
    void aHostRdesktopConnectsToDoesNotRequireNla(String message) {
        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(RDESKTOP_FAILS, "nla.mismatch"));
        assertThat(Fire.said(fire.text(message))).contains(tuple(RDESKTOP_CONNECTS, "nla.mismatch", -6));
    }

    @Test
    void mremotengsHeadingTakesBackTheDropWordRowsItRaised() {
        List<org.assertj.core.groups.Tuple> said = Fire.said(fire.text("WarningMsg\nRDP disconnected!\n519"));

        assertThat(said).contains(tuple(MREMOTENG_HEADING, "net.vpn-unstable", -2),
                tuple(MREMOTENG_HEADING, "net.idle-reset", -1), tuple(MREMOTENG_HEADING, "client.codec-setting", -1));
    }

    @Test
    void aSessionThatKeepsDisconnectingIsStillUnstableWithoutTheHeading() {
        assertThat(Fire.pairs(fire.text("mRemoteNG: the session keeps disconnecting every few minutes")))
                .doesNotContain(tuple(MREMOTENG_HEADING, "net.vpn-unstable"));
    }

    @Test
    void anUnlistedAuthenticationFamilyCodeFailedInTheNlaExchange() {
        assertThat(Fire.said(fire.codes(new CodeFact("unknown", "0x207", 0x207, ""))))
                .contains(tuple("codes: an unknown code of the authentication family failed in the NLA exchange",
                        "nla.mismatch", 3));
    }

    @Test
    void theSelfSignedVerdictWeighsAgainstExpiryOnlyWhenExpiryIsNotNamed() {
        String selfSigned = "Certificate verification failure 'self-signed certificate (18)' at stack position 0";

        assertThat(Fire.said(fire.text(selfSigned))).contains(tuple(SELF_SIGNED, "cert.expired", -6));
        assertThat(Fire.pairs(fire.text(selfSigned + " and the certificate has expired")))
                .doesNotContain(tuple(SELF_SIGNED, "cert.expired"));
    }

    @Test
    void anNlaFailureARestartOfTheClientClearsIsTheClient() {
        String message = "Remmina: CONNECTION_STATE_NLA - nla_recv_pdu() fail; it fails until I restart the app";

        assertThat(Fire.said(fire.text(message))).contains(tuple(RESTART_CURES, "nla.mismatch", -6),
                tuple(RESTART_CURES, "client.outdated-app", 4));
        assertThat(ranked(CaseFacts.ofText(message)).get(0)).isEqualTo("client.outdated-app");
    }

    private List<String> ranked(CaseFacts facts) {
        return diagnoser.diagnose(facts).causeIds();
    }
}
