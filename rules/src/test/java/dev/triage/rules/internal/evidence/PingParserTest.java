package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PingParserTest {
    private final PingParser parser = new PingParser();

    private List<UserEvidence> parse(String text) {
        return parser.parse(Text.lines(text, Integer.MAX_VALUE));
    }

    @Test
    void windowsRepliesWithLossAndTheResolvedAddress() {
        String out = """
                Pinging ts01.branch.example [10.44.0.12] with 32 bytes of data:
                Reply from 10.44.0.12: bytes=32 time=41ms TTL=126
                Request timed out.
                Reply from 10.44.0.12: bytes=32 time=388ms TTL=126
                Reply from 10.44.0.12: bytes=32 time=45ms TTL=126

                Ping statistics for 10.44.0.12:
                    Packets: Sent = 4, Received = 3, Lost = 1 (25% loss),
                """;
        assertThat(parse(out)).containsExactly(new UserDnsLookup("ts01.branch.example", List.of("10.44.0.12"), false),
                new UserPing("ts01.branch.example", 3, 1, false));
    }

    @Test
    void windowsDestinationUnreachableIsNotAReply() {
        String out = """
                Pinging 10.0.5.20 with 32 bytes of data:
                Reply from 10.0.1.1: Destination host unreachable.
                Reply from 10.0.1.1: Destination host unreachable.

                Ping statistics for 10.0.5.20:
                    Packets: Sent = 2, Received = 2, Lost = 0 (0% loss),
                """;
        assertThat(parse(out)).containsExactly(new UserPing("10.0.5.20", 0, 2, true));
    }

    @Test
    void windowsUnknownHostIsANonExistentName() {
        assertThat(parse("Ping request could not find host srv-99. Please check the name and try again."))
                .containsExactly(new UserDnsLookup("srv-99", List.of(), true));
    }

    @Test
    void linuxAndMacOutput() {
        String linux = """
                PING jump.example.org (203.0.113.80) 56(84) bytes of data.
                64 bytes from 203.0.113.80: icmp_seq=1 ttl=52 time=23.1 ms
                64 bytes from 203.0.113.80: icmp_seq=2 ttl=52 time=22.9 ms

                --- jump.example.org ping statistics ---
                2 packets transmitted, 2 received, 0% packet loss, time 1001ms
                """;
        assertThat(parse(linux)).contains(new UserPing("jump.example.org", 2, 0, false));
        assertThat(parse("PING 10.2.2.2 (10.2.2.2): 56 data bytes\nRequest timeout for icmp_seq 0\nRequest timeout for icmp_seq 1\n"))
                .containsExactly(new UserPing("10.2.2.2", 0, 2, false));
        assertThat(parse("ping: winbox.local: Name or service not known"))
                .containsExactly(new UserDnsLookup("winbox.local", List.of(), true));
        assertThat(parse("ping: cannot resolve winbox: Unknown host"))
                .containsExactly(new UserDnsLookup("winbox", List.of(), true));
    }

    @Test
    void germanWindowsOutput() {
        String out = """
                Ping wird ausgeführt für buchhaltung-pc.firma.local [192.168.10.44] mit 32 Bytes Daten:
                Antwort von 192.168.10.44: Bytes=32 Zeit=2ms TTL=128
                Zeitüberschreitung der Anforderung.
                Antwort von 192.168.10.1: Zielhost nicht erreichbar.
                """;
        assertThat(parse(out)).containsExactly(
                new UserDnsLookup("buchhaltung-pc.firma.local", List.of("192.168.10.44"), false),
                new UserPing("buchhaltung-pc.firma.local", 1, 2, true));
        assertThat(parse("Ping-Anforderung konnte Host \"pc-lager3\" nicht finden. Überprüfen Sie den Namen, und versuchen Sie es erneut."))
                .containsExactly(new UserDnsLookup("pc-lager3", List.of(), true));
    }

    @Test
    void prosePingIsIgnored() {
        assertThat(parse("ping works fine and the reply from the server is quick")).isEmpty();
    }
}
