package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Third-party RDP servers in their own words (branch thirdparty): xrdp's stack, TLS and sesman status texts, the
 * IronRDP acceptor, VirtualBox's VRDE, GNOME Remote Desktop / FreeRDP shadow, xrdp on vsock and RDP Wrapper's
 * installer. Texts are made up around the log lines the families cite; a removed family or row fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThirdPartyServerWordingTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    static Stream<Arguments> rows() {
        return Stream.of(
                Fire.row("xrdp-stack-failure", "server.rdp-implementation-bug", 10,
                        "xrdp.log: [ERROR] xrdp_sec_incoming: xrdp_iso_incoming failed"),
                Fire.row("xrdp-stack-failure", "server.rdp-implementation-bug", 10,
                        "the login box then shows: Error connecting to sesman on 127.0.0.1:3350"),
                Fire.row("xrdp-tls-accept", "server.rdp-implementation-bug", 8,
                        "[ERROR] SSL_accept: Failure in SSL library (protocol error?)"),
                Fire.row("xrdp-tls-accept", "tls.version-mismatch", 4,
                        "[ERROR] trans_set_tls_mode: ssl_tls_accept failed"),
                Fire.row("sesman-not-authenticated", "auth.bad-credentials", 12,
                        "sesman: Login failed; User does not exist, or could not be authenticated"),
                Fire.row("sesman-max-sessions", "server.max-connections", 14,
                        "xrdp says: Max session limit reached"),
                Fire.row("sesman-session-create-failed", "server.rdp-implementation-bug", 10,
                        "after the password: X server could not be started"),
                Fire.row("ironrdp-acceptor", "server.rdp-implementation-bug", 10,
                        "server log: Connection error: accept_begin failed"),
                Fire.row("virtualbox-vrde", "server.rdp-implementation-bug", 8,
                        "VBoxManage showvminfo says VRDE: enabled, but mstsc cannot connect"),
                Fire.row("linux-rdp-server", "server.rdp-implementation-bug", 5,
                        "I enabled it with grdctl rdp enable and the client still fails"),
                Fire.row("xrdp-vsock", "server.rdp-implementation-bug", 8,
                        "xrdp.ini has use_vsock=true from the setup script"),
                Fire.row("rdpwinst-failure", "server.rdp-implementation-bug", 12,
                        "install.bat prints: [-] This version of Terminal Services is not supported."),
                Fire.row("rdpwinst-failure", "server.rdp-implementation-bug", 12,
                        "[-] Failed to get online INI file, using built-in."),
                Fire.row("grd-credentials-unset", "server.rdp-implementation-bug", 10,
                        "journalctl: RDP Username is not set, denying client"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("rows")
    void thirdPartyServerWordingRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            server.rdp-implementation-bug | 'xrdp log: libxrdp_process_data: xrdp_rdp_recv failed, then the client drops'
            server.rdp-implementation-bug | 'FreeRDP 3 cannot connect; server log: accept_begin failed'
            server.rdp-implementation-bug | 'xrdp-sesman: No X displays are available'
            auth.bad-credentials          | 'xrdp: User does not exist, or could not be authenticated'
            server.max-connections        | 'xrdp: Max session limit reached'
            server.rdp-implementation-bug | 'RDPWInst: Another third-party TermService library is installed.'
            """)
    void theServersOwnMessageRanksItsReferenceCauseFirst(String cause, String message) {
        assertThat(diagnoser.diagnose(CaseFacts.ofText(message)).causeIds().get(0)).as(message).isEqualTo(cause);
    }
}
