package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogParserTest {
    private final EventLogParser parser = new EventLogParser();

    private List<UserEvidence> parse(String text) {
        return parser.parse(Text.lines(text, Integer.MAX_VALUE));
    }

    @Test
    void detailPaneOfASchannelError() {
        String pane = """
                Log Name:      System
                Source:        Schannel
                Date:          20/11/2026 08:14:02
                Event ID:      36870
                Task Category: None
                Level:         Error
                Description:
                A fatal error occurred when attempting to access the TLS server credential private key. The error code
                returned from the cryptographic module is 0x8009030D. The internal error state is 10001.
                """;
        assertThat(parse(pane)).containsExactly(new EventLogEntry(36870, "Schannel", ""));
    }

    @Test
    void securityFailedLogonTakesTheSubStatus() {
        String pane = """
                Event ID: 4625
                An account failed to log on.
                Failure Information:
                	Failure Reason:		Unknown user name or bad password.
                	Status:			0xC000006D
                	Sub Status:		0xC000006A
                Logon Type:			10
                """;
        assertThat(parse(pane)).containsExactly(new EventLogEntry(4625, "Security-Auditing", "0xc000006a"));
    }

    @Test
    void lockedOutLogonFromTheMessageAlone() {
        String text = "An account failed to log on. ... Status: 0xC0000234 Sub Status: 0x0";
        assertThat(parse(text)).containsExactly(new EventLogEntry(4625, "Security-Auditing", "0xc0000234"));
    }

    @Test
    void clientDisconnectReasonBecomesAHexCode() {
        assertThat(parse("RDP ClientActiveX has been disconnected (Reason= 2308)"))
                .containsExactly(new EventLogEntry(1026, "TerminalServices-ClientActiveXCore", "0x904"));
    }

    @Test
    void powerShellTableRows() {
        String table = """
                TimeCreated                     Id LevelDisplayName Message
                -----------                     -- ---------------- -------
                20.11.2026 07:55:10           1058 Error            The RD Session Host Server has failed to replace the expired self signed certificate...
                20.11.2026 07:55:10          36874 Error            An TLS 1.2 connection request was received from a remote client application, but none of...
                """;
        assertThat(parse(table)).extracting(e -> ((EventLogEntry) e).id()).containsExactly(1058, 36874);
    }

    @Test
    void proseMentionsAndMessages() {
        assertThat(parse("I see event 1149 in the log, then TermDD event 56 every few seconds"))
                .extracting(e -> ((EventLogEntry) e).id()).containsExactly(1149, 56);
        assertThat(parse("Windows cannot find the local profile and is logging you on with a temporary profile."))
                .containsExactly(new EventLogEntry(1511, "User Profile Service", ""));
    }

    @Test
    void unrelatedNumbersAreNotEvents() {
        assertThat(parse("Process ID: 56\nSession ID: 2\nport 3389 event viewer shows nothing")).isEmpty();
    }

    @Test
    void sessionHostEventsByMessage() {
        assertThat(parse("The remote session could not be established from remote desktop client PC1 because its license could not be renewed."))
                .containsExactly(new EventLogEntry(1028, "TerminalServices-RemoteConnectionManager", ""));
        assertThat(parse("Listener RDP-Tcp failed while listening. Error code 0xD0000001."))
                .containsExactly(new EventLogEntry(260, "TerminalServices-RemoteConnectionManager", ""));
        assertThat(parse("Event ID: 1069")).extracting(e -> ((EventLogEntry) e).id()).containsExactly(1069);
    }
}
