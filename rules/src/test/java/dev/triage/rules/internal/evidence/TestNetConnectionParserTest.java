package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestNetConnectionParserTest {
    private final TestNetConnectionParser parser = new TestNetConnectionParser();

    private List<UserEvidence> parse(String text) {
        return parser.parse(Text.lines(text, Integer.MAX_VALUE));
    }

    @Test
    void aSuccessfulPortTestYieldsTheTestAndTheLookup() {
        String out = """
                PS C:\\Users\\anna> Test-NetConnection -ComputerName termsrv02.corp.example -Port 3389

                ComputerName     : termsrv02.corp.example
                RemoteAddress    : 10.20.4.17
                RemotePort       : 3389
                InterfaceAlias   : Ethernet 2
                SourceAddress    : 10.20.8.101
                TcpTestSucceeded : True
                """;
        assertThat(parse(out)).containsExactly(
                new UserDnsLookup("termsrv02.corp.example", List.of("10.20.4.17"), false),
                new UserTcpTest("termsrv02.corp.example", 3389, true));
    }

    @Test
    void aFailedPortTestWithWarningsYieldsTcpAndPingFailures() {
        String out = """
                PS C:\\> tnc 192.168.1.40 -Port 3389
                WARNING: TCP connect to (192.168.1.40 : 3389) failed
                WARNING: Ping to 192.168.1.40 failed with status: TimedOut


                ComputerName           : 192.168.1.40
                RemoteAddress          : 192.168.1.40
                RemotePort             : 3389
                InterfaceAlias         : Wi-Fi
                SourceAddress          : 192.168.1.23
                PingSucceeded          : False
                PingReplyDetails (RTT) : 0 ms
                TcpTestSucceeded       : False
                """;
        assertThat(parse(out)).containsExactly(
                new UserTcpTest("192.168.1.40", 3389, false), new UserPing("192.168.1.40", 0, 1, false));
    }

    @Test
    void aPingOnlyRunAnsweredYieldsAPing() {
        String out = """
                ComputerName           : fileserver
                RemoteAddress          : 172.16.0.9
                InterfaceAlias         : Ethernet
                SourceAddress          : 172.16.0.50
                PingSucceeded          : True
                PingReplyDetails (RTT) : 1 ms
                """;
        assertThat(parse(out)).contains(new UserPing("fileserver", 1, 0, false));
    }

    @Test
    void aNameThatDoesNotResolveYieldsANonExistentName() {
        String out = """
                WARNING: Name resolution of rds-old.corp.example failed

                ComputerName   : rds-old.corp.example
                RemoteAddress  :
                InterfaceAlias :
                SourceAddress  :
                PingSucceeded  : False
                """;
        assertThat(parse(out)).contains(new UserDnsLookup("rds-old.corp.example", List.of(), true));
    }

    @Test
    void aCustomPortIsKept() {
        String out = "WARNING: TCP connect to (203.0.113.5 : 33890) failed\nTcpTestSucceeded : False\n";
        assertThat(parse(out)).contains(new UserTcpTest("203.0.113.5", 33890, false));
    }

    @Test
    void aOneLineSummaryOfBothResultsCounts() {
        assertThat(parse("tnc pos-07 -Port 3389 -> PingSucceeded : True, TcpTestSucceeded : False")).contains(
                new UserTcpTest("", 3389, false), new UserPing("", 1, 0, false));
    }

    @Test
    void twoBlocksYieldTwoTests() {
        String out = """
                ComputerName     : a.example
                RemotePort       : 3389
                TcpTestSucceeded : False

                ComputerName     : b.example
                RemotePort       : 3389
                TcpTestSucceeded : True
                """;
        assertThat(parse(out)).contains(new UserTcpTest("a.example", 3389, false), new UserTcpTest("b.example", 3389, true));
    }

    @Test
    void proseWithoutTheFieldsYieldsNothing() {
        assertThat(parse("I ran test-netconnection and it said the computer name is fine")).isEmpty();
    }
}
