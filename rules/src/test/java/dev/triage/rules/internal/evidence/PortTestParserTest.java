package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortTestParserTest {
    private final PortTestParser parser = new PortTestParser();

    private List<UserEvidence> parse(String text) {
        return parser.parse(Text.lines(text, Integer.MAX_VALUE));
    }

    @Test
    void windowsTelnetsFailureNamesTheHostAndPort() {
        String out = """
                C:\\>telnet rds01.corp.example 3389
                Connecting To rds01.corp.example...Could not open connection to the host, on port 3389: Connect failed
                """;
        assertThat(parse(out)).containsExactly(new UserTcpTest("rds01.corp.example", 3389, false));
    }

    @Test
    void windowsTelnetsFailureRetoldOnOneLineStillCounts() {
        assertThat(parse("From another PC: telnet 10.1.2.3 3390 Connecting To 10.1.2.3...Could not open connection"
                + " to the host, on port 3390: Connect failed"))
                .containsExactly(new UserTcpTest("10.1.2.3", 3390, false));
    }

    @Test
    void unixTelnetsRefusalAndSuccessAreBothTests() {
        String out = """
                $ telnet 192.168.1.20 3389
                Trying 192.168.1.20...
                telnet: Unable to connect to remote host: Connection refused
                $ telnet 192.168.1.21 3389
                Trying 192.168.1.21...
                Connected to 192.168.1.21.
                Escape character is '^]'.
                """;
        assertThat(parse(out)).containsExactly(
                new UserTcpTest("192.168.1.20", 3389, false), new UserTcpTest("192.168.1.21", 3389, true));
    }

    @Test
    void netcatsVerboseLinesAreTests() {
        String out = """
                nc: connect to winbox.lan port 3389 (tcp) failed: Connection timed out
                Connection to 10.0.0.7 3389 port [tcp/ms-wbt-server] succeeded!
                """;
        assertThat(parse(out)).containsExactly(
                new UserTcpTest("winbox.lan", 3389, false), new UserTcpTest("10.0.0.7", 3389, true));
    }

    @Test
    void testsOfPortsNoRdpListenerUsesAreSkipped() {
        String out = """
                nc: connect to winbox.lan port 445 (tcp) failed: Connection refused
                Connection to 10.0.0.7 22 port [tcp/ssh] succeeded!
                """;
        assertThat(parse(out)).isEmpty();
    }

    @Test
    void proseAboutTelnetNamesNoHost() {
        assertThat(parse("I tried telnet and it said Could not open connection to the host, on port 3389: Connect failed"))
                .containsExactly(new UserTcpTest("", 3389, false));
    }

    @Test
    void ordinaryTextYieldsNothing() {
        assertThat(parse("Connected to the VPN, then mstsc said it could not connect to the remote computer.")).isEmpty();
    }
}
