package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Teleport's Desktop Access (gravitational/teleport) and IronRDP-based clients wrap the target's error in their own
 * words (issue 13). The messages are built from the strings Teleport's Windows Desktop Service, its Rust RDP client
 * and its troubleshooting page (docs/pages/enroll-resources/desktop-access/troubleshooting.mdx) print, with made-up
 * hosts and process ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeleportWordingTest {
    private static final String BASTION = "gateway.bastion-config";
    private static final String RESET_RULE =
            "mechanism: a reset from Teleport's or IronRDP's client is the TLS handshake refusing its suites";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tls.version-mismatch         | [2025-01-09T08:00:01Z ERROR rdp_client] Rdp(Io(Os { code: 104, kind: ConnectionReset, message: "Connection reset by peer" }))
            tls.version-mismatch         | ironrdp-client: error during TLS upgrade: Connection reset by peer (os error 104)
            net.port-blocked             | [ERROR rdp_client] Tcp(Error { kind: TimedOut, message: "connection timed out" }) ERRO [WINDOWS_D] RDP connection failed desktop-addr:10.20.0.7:3389
            nla.dc-unreachable           | Teleport desktop access: The smartcard certificate used for authentication has expired. Please contact your system administrator.
            server.legacy-security-layer | Teleport desktop access: client advertised SSL, but server selected STANDARD_RDP_SECURITY
            nla.mismatch                 | [ERROR rdp_client] Error during negotiation step: the server requires that the client support enhanced RDP security with CredSSP
            """)
    void aWrappedTargetErrorLeadsWithItsMechanism(String cause, String message) {
        List<String> ranked = ranked(message);

        assertThat(ranked.get(0)).as(message).isEqualTo(cause);
        assertThat(ranked.indexOf(BASTION)).as(message).isNotZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Teleport desktop access: the Windows login screen says The smartcard certificate used for authentication was not trusted
            windows_desktop_service: the logon screen's smart card option says No Valid Certificates Were Found on This Smart Card
            Teleport desktop access: CredSSP UnknownCredentials: server not found in Kerberos database
            teleport[812]: ERRO [WINDOWS_D] LDAP Result Code 200 "Network Error": dial tcp dc01.corp.example:636: i/o timeout
            teleport[812]: WARN [WINDOWS_D] skipping desktop discovery: LDAP not yet initialized
            """)
    void teleportsOwnSmartCardAndDirectorySetupLeadsWithTheBastion(String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(BASTION);
    }

    @Test
    void aResetFromAnotherClientKeepsItsNetworkReading() {
        String message = "mstsc: the connection was reset by peer after the session had been idle for an hour";

        assertThat(Fire.pairs(fire.text(message)))
                .extracting(pair -> (String) pair.toList().get(0))
                .doesNotContain(RESET_RULE);
        assertThat(ranked(message).get(0)).isNotEqualTo("tls.version-mismatch");
    }

    @Test
    void aResetFromTeleportsClientIsReadAsTheTlsHandshake() {
        String message = "[ERROR rdp_client] Rdp(Io(Os { code: 54, kind: ConnectionReset, message: \"Connection reset by peer\" }))";

        assertThat(Fire.pairs(fire.text(message))).contains(tuple(RESET_RULE, "tls.version-mismatch"));
    }

    @Test
    void aKerberosPrincipalTheKdcDoesNotKnowIsNoUnreachableDomainController() {
        String message = "FreeRDP: CredSSP UnknownCredentials: server not found in Kerberos database";

        assertThat(ranked(message).get(0)).isNotIn("nla.dc-unreachable", "credssp.oracle-remediation");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
