package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NslookupParserTest {
    private final NslookupParser parser = new NslookupParser();

    private List<UserEvidence> parse(String text) {
        return parser.parse(Text.lines(text, Integer.MAX_VALUE));
    }

    @Test
    void windowsAnswerSkipsTheResolversOwnAddress() {
        String out = """
                C:\\>nslookup app01
                Server:  dc1.corp.example
                Address:  10.1.0.10

                Name:    app01.corp.example
                Address:  10.1.7.33
                """;
        assertThat(parse(out)).containsExactly(new UserDnsLookup("app01.corp.example", List.of("10.1.7.33"), false));
    }

    @Test
    void severalAddressesOnIndentedLinesAreAllKept() {
        String out = """
                Server:  UnKnown
                Address:  192.168.0.1

                Non-authoritative answer:
                Name:    rdp.example.net
                Addresses:  2001:db8::21
                          198.51.100.21
                """;
        assertThat(parse(out)).containsExactly(
                new UserDnsLookup("rdp.example.net", List.of("2001:db8::21", "198.51.100.21"), false));
    }

    @Test
    void bindStyleAnswerIsRead() {
        String out = "Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\tdesk7.lan\nAddress: 192.168.50.7\n";
        assertThat(parse(out)).containsExactly(new UserDnsLookup("desk7.lan", List.of("192.168.50.7"), false));
    }

    @Test
    void nonExistentDomainOnWindowsAndLinux() {
        assertThat(parse("Server:  dc1.corp.example\nAddress:  10.1.0.10\n\n*** dc1.corp.example can't find pc-114: Non-existent domain\n"))
                .containsExactly(new UserDnsLookup("pc-114", List.of(), true));
        assertThat(parse("Server:\t\t1.1.1.1\nAddress:\t1.1.1.1#53\n\n** server can't find pc-114.example: NXDOMAIN\n"))
                .containsExactly(new UserDnsLookup("pc-114.example", List.of(), true));
    }

    @Test
    void aServerFailureIsAnUnresolvedNameNotANonExistentOne() {
        assertThat(parse("Server:  vpn-dns\nAddress:  10.9.9.9\n\n*** vpn-dns can't find host1: Server failed\n"))
                .containsExactly(new UserDnsLookup("host1", List.of(), false));
    }

    @Test
    void nameFieldsOutsideNslookupOutputAreIgnored() {
        assertThat(parse("Account Name:  bob\nName:  something\nAddress:  10.0.0.1\n")).isEmpty();
    }
}
