package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** qwinsta output as Windows prints it (columns padded with spaces); session names and users are made up. */
class QwinstaParserTest {
    private final QwinstaParser parser = new QwinstaParser();

    private List<UserEvidence> parse(String text) {
        return parser.parse(Text.lines(text, Integer.MAX_VALUE));
    }

    @Test
    void theListenerInItsListenStateIsUp() {
        String out = """
                C:\\>qwinsta
                 SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE
                 services                                    0  Disc
                >console           Administrator             1  Active
                 rdp-tcp#4         jdoe                      2  Active
                 rdp-tcp                                 65536  Listen
                """;
        assertThat(parse(out)).containsExactly(new ListenerListing("Listen"));
        assertThat(((ListenerListing) parse(out).get(0)).listening()).isTrue();
    }

    @Test
    void aListingWithoutTheRdpTcpRowIsTheMissingListener() {
        String out = """
                 SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE
                 services                                    0  Disc
                >console           Administrator             1  Active
                """;
        ListenerListing listing = (ListenerListing) parse(out).get(0);
        assertThat(listing.missing()).isTrue();
        assertThat(listing.listening()).isFalse();
    }

    @Test
    void aListenerDownIsNotListening() {
        String out = """
                 SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE
                >console           Administrator             1  Active
                 rdp-tcp                                 65536  Down
                """;
        assertThat(parse(out)).containsExactly(new ListenerListing("Down"));
    }

    @Test
    void aSessionCreatedFromTheListenerIsNotTheListener() {
        String out = """
                 SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE
                 rdp-tcp#0         jdoe                      3  Active
                """;
        assertThat(((ListenerListing) parse(out).get(0)).missing()).isTrue();
    }

    @Test
    void proseNamingQwinstaIsNoListing() {
        assertThat(parse("I ran qwinsta and rdp-tcp was there, state Listen")).isEmpty();
    }
}
