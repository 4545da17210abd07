package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientLogParserTest {
    private final ClientLogParser parser = new ClientLogParser();

    private List<String> kinds(String text) {
        return parser.parse(Text.lines(text, Integer.MAX_VALUE)).stream()
                .map(e -> ((ClientLogError) e).kind()).toList();
    }

    @Test
    void resetByPeerDuringTheHandshake() {
        String log = """
                [10:02:11:503] [61220:61221] [ERROR][com.freerdp.core.transport] - BIO_read returned a system error 104: Connection reset by peer
                [10:02:11:503] [61220:61221] [ERROR][com.freerdp.core] - transport_read_layer:freerdp_set_last_error_ex ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]
                """;
        assertThat(kinds(log)).containsExactly("reset");
    }

    @Test
    void refusedAndTimedOutConnects() {
        assertThat(kinds("[WARN][com.freerdp.core.tcp] - connect to 10.0.0.4:3389 failed: Connection refused"))
                .containsExactly("refused");
        assertThat(kinds("[ERROR][com.freerdp.core.tcp] - freerdp_tcp_connect: connect() failed: Connection timed out"))
                .containsExactly("timeout");
        assertThat(kinds("[ERROR][com.freerdp.core] - getaddrinfo (Name or service not known)")).containsExactly("dns-failed");
    }

    @Test
    void aConnectThatFailedWithoutAnErrnoLine() {
        assertThat(kinds("[ERROR][com.freerdp.core] - failed to connect to [pc7.example.test]"))
                .containsExactly("connect-failed");
    }

    @Test
    void certificateWarnings() {
        String changed = """
                [ERROR][com.freerdp.crypto] - @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
                [ERROR][com.freerdp.crypto] - @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
                [ERROR][com.freerdp.crypto] - The host key for win11.home:3389 has changed
                """;
        assertThat(kinds(changed)).containsExactly("cert-changed");
        String mismatch = """
                [ERROR][com.freerdp.crypto] - @           WARNING: CERTIFICATE NAME MISMATCH!           @
                [ERROR][com.freerdp.crypto] - The hostname used for this connection (10.3.3.3:3389)
                [ERROR][com.freerdp.crypto] - does not match the name given in the certificate:
                """;
        assertThat(kinds(mismatch)).containsExactly("cert-name-mismatch");
    }

    @Test
    void signInFailuresFromNla() {
        assertThat(kinds("[ERROR][com.freerdp.core.nla] - SSPI error: SEC_E_LOGON_DENIED")).containsExactly("logon-failed");
        assertThat(kinds("[ERROR][com.freerdp.core] - nla_recv_pdu: STATUS_ACCOUNT_LOCKED_OUT [0xC0000234]"))
                .containsExactly("account-locked");
    }

    @Test
    void theSameWordsOutsideALogLineAreNotAClientLogFact() {
        assertThat(kinds("my boss says the connection timed out and was reset by peer")).isEmpty();
    }
}
