package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Which layer answered (issue 13, session 11, branch reach2, reach-which-layer.drl): readings of a later layer taken
 * back beside a failure at the TCP step, and what tells the remaining layers apart (other PCs connecting, the number
 * already connected, an image or a reinstall that left Remote Desktop at its default). Texts are made up in the
 * wording of the dialogs and of the articles' "How users describe it".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhichLayerMechanismTest {
    private static final String OLD_WINDOWS = "mechanism: an old Windows named beside a failure at the TCP step is not a"
            + " security-layer disagreement";
    private static final String NOT_KB_329896 = "mechanism: the older 0x204 dialog is a failure at the TCP step, not KB"
            + " 329896's security error";
    private static final String BARE_NAME = "mechanism: the service or a listener check named without a state is where"
            + " the poster looked";
    private static final String OTHERS_BLOCKED = "mechanism: others connect to the server while this PC gets no answer:"
            + " its address is blocked on the server";
    private static final String OTHERS_UP = "mechanism: others connect to the server while this PC gets no answer: the"
            + " server and its listener are up";
    private static final String LOAD = "mechanism: a failure to connect that comes with the number already connected is"
            + " the connection limit";
    private static final String IMAGE = "mechanism: a VM from the customer's own image out of reach: Remote Desktop never"
            + " switched on";
    private static final String REINSTALLED = "mechanism: Windows reinstalled or reset and out of reach: Remote Desktop"
            + " back at its default, off";
    private static final String SAME_PATH = "mechanism: another client on the same PC connects, so the network path"
            + " carries RDP";
    private static final String OLD_DIALOG = "The client could not connect to the remote computer. Remote connections"
            + " might not be enabled or the computer might be too busy to accept new connections. It is also possible"
            + " that network problems are preventing your connection.";
    private static final String DIALOG_0X204 = "Remote Desktop can't connect to the remote computer for one of these"
            + " reasons: 1) Remote access to the server is not enabled 2) The remote computer is turned off 3) The"
            + " remote computer is not available on the network";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void anOldServerThatTimesOutIsNotReadAsItsSecurityLayer() {
        String message = "Our Windows Server 2003 box stopped taking RDP: the connection attempt timed out.";
        assertThat(Fire.said(fire.text(message))).contains(tuple(OLD_WINDOWS, "server.legacy-security-layer", -6));
        assertThat(ranked(message).get(0)).isNotEqualTo("server.legacy-security-layer");
    }

    @Test
    void theOldDialogOnAnOldServerLeavesTheReachCausesAhead() {
        String message = "Connecting to our Windows Server 2003 terminal server: " + OLD_DIALOG;
        assertThat(Fire.pairs(fire.text(message))).contains(
                tuple(OLD_WINDOWS, "server.legacy-security-layer"),
                tuple(NOT_KB_329896, "cert.machinekeys-corrupt"));
        assertThat(top3(ranked(message))).doesNotContain("server.legacy-security-layer", "cert.machinekeys-corrupt");
    }

    @Test
    void anOldServerWithItsSecurityLayerNamedKeepsThatReading() {
        String message = "Server 2003 with the RDP security layer set to Standard RDP Security; the connection attempt"
                + " timed out.";
        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(OLD_WINDOWS);
    }

    @Test
    void kb329896sOwnDialogKeepsItsCertificateReading() {
        String message = "Because of a security error, the client could not connect to the remote computer.";
        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(NOT_KB_329896);
    }

    @Test
    void aRestartedServiceIsNotAStoppedOne() {
        String message = "RDP to my PC fails. I tried to re-start termservice and rebooted, no change.";
        assertThat(Fire.said(fire.text(message))).contains(tuple(BARE_NAME, "server.termservice-down", -8));
        String stopped = "RDP to my PC fails. TermService is stopped and fails to start.";
        assertThat(Fire.pairs(fire.text(stopped))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(BARE_NAME);
        assertThat(ranked(stopped).get(0)).isEqualTo("server.termservice-down");
    }

    @Test
    void othersConnectingWhileThisPcTimesOutIsABlockedAddress() {
        String message = "From my laptop the connection attempt timed out since this morning, not even ping answers."
                + " Colleagues can connect to the same server as usual.";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple(OTHERS_BLOCKED, "server.av-ids-blocking", 4),
                tuple(OTHERS_UP, "net.unreachable", -4),
                tuple(OTHERS_UP, "server.termservice-down", -4));
        assertThat(top3(ranked(message))).contains("server.av-ids-blocking", "net.port-blocked");
    }

    @Test
    void othersConnectingWithoutAFailureToConnectSaysNothingOfTheLayer() {
        String message = "Colleagues can connect, but my session shows a black screen.";
        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(OTHERS_BLOCKED, OTHERS_UP);
    }

    @Test
    void aFailureThatComesWithTheNumberConnectedIsTheLimit() {
        String message = "On busy mornings users get " + OLD_DIALOG + " Others are already working on the server.";
        assertThat(Fire.said(fire.text(message))).contains(tuple(LOAD, "server.max-connections", 6));
        assertThat(ranked(message).get(0)).isEqualTo("server.max-connections");
    }

    @Test
    void aVmFromAnUploadedImageOutOfReachHasRemoteDesktopOff() {
        String message = "Our VM created from an uploaded image runs and I can log in through the VNC console, but"
                + " mstsc says: " + DIALOG_0X204;
        assertThat(Fire.said(fire.text(message))).contains(tuple(IMAGE, "server.rdp-disabled", 6));
        assertThat(ranked(message).get(0)).isEqualTo("server.rdp-disabled");
    }

    @Test
    void aReinstalledPcOutOfReachHasRemoteDesktopOff() {
        String message = "After a clean install of the office PC, mstsc says: " + DIALOG_0X204;
        assertThat(Fire.said(fire.text(message))).contains(tuple(REINSTALLED, "server.rdp-disabled", 4));
        assertThat(top3(ranked(message))).contains("server.rdp-disabled");
    }

    @Test
    void anotherServiceOfTheHostAnsweringIsAHostThatIsUp() {
        fire.assertRaisesRow("host-answers-otherwise", "net.unreachable", -6,
                "RDP to the server fails but the file shares work.");
        fire.assertRaisesRow("console-works-retold", "net.unreachable", -3,
                "I can sign in through the VNC remote login of the cloud console.");
        fire.assertRaisesRow("tcp-accepted-zh", "net.port-blocked", -5, "远程桌面连不上，但是3389端口是通的。");
    }

    @Test
    void anotherClientOnTheSamePcClearsThePathOfAResetStream() {
        String message = "rdesktop 192.0.2.7: Connection established using SSL. ERROR: SSL_read: Connection reset by"
                + " peer. I can connect just fine using Remmina.";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple(SAME_PATH, "net.vpn-unstable", -3),
                tuple(SAME_PATH, "net.idle-reset", -3));
        List<String> ranked = ranked(message);
        assertThat(top3(ranked)).contains("server.av-ids-blocking").doesNotContain("net.vpn-unstable");
        assertThat(Fire.pairs(fire.text("It keeps disconnecting; it works from my phone though.")))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(SAME_PATH);
    }

    @Test
    void noServerAnsweringThisPcIsThePcOrItsNetwork() {
        String message = "Since yesterday I can't connect to any server from my laptop: " + DIALOG_0X204;
        List<String> top3 = top3(ranked(message));
        assertThat(top3).contains("net.port-blocked", "client.av-blocking")
                .doesNotContain("server.termservice-down", "server.rdp-disabled");
    }

    @Test
    void aPortTestThatTimesOutIsNoStoppedServiceBehindAnOpenFirewall() {
        List<String> timeout = rankedWith(DIALOG_0X204, Map.of("port-test", "timeout"));
        List<String> refused = rankedWith(DIALOG_0X204, Map.of("port-test", "refused"));
        assertThat(place(timeout, "server.termservice-down")).isGreaterThan(place(timeout, "server.rdp-disabled"));
        assertThat(place(refused, "server.termservice-down")).isLessThan(place(refused, "server.rdp-disabled"));
    }

    @Test
    void wrongPasswordsThenSilenceIsABlockedAddress() {
        String message = "After I mistyped my password a few times, the connection attempt timed out every time.";
        assertThat(ranked(message).get(0)).isEqualTo("server.av-ids-blocking");
        String lockedMessage = "After I mistyped my password a few times: the referenced account is currently locked"
                + " out and may not be logged on to.";
        assertThat(ranked(lockedMessage).get(0)).isEqualTo("auth.account-locked-or-expired");
    }

    @Test
    void anAzureVmThatTimesOutIsNotReadAsItsKeyStore() {
        String message = "My Azure VM: the connection attempt timed out.";
        assertThat(top3(ranked(message))).doesNotContain("cert.machinekeys-corrupt");
        assertThat(top3(ranked("My Azure VM: An internal error has occurred."))).contains("cert.machinekeys-corrupt");
    }

    @Test
    void anOpenPortWithAClientThatStillCannotConnectIsTheNegotiationAfterIt() {
        String rule = "mechanism: the port is open and the client still cannot connect: the security negotiation that"
                + " follows";
        String open = "Test-NetConnection says TcpTestSucceeded : True, but the client could not connect.";
        assertThat(Fire.said(fire.text(open))).contains(tuple(rule, "nla.mismatch", 3));
        assertThat(top3(ranked(open))).doesNotContain("net.port-blocked", "net.unreachable");
        String dialog = "TcpTestSucceeded : True, yet mstsc says: " + DIALOG_0X204;
        assertThat(Fire.pairs(fire.text(dialog))).extracting(t -> (String) t.toList().get(0)).doesNotContain(rule);
    }

    @Test
    void whoseAddressChangedDecidesBetweenAStaleNameAndAScopedRule() {
        String server = "Since the server got a new IP, mstsc says: " + DIALOG_0X204;
        assertThat(top3(ranked(server))).contains("net.dns-wrong");
        String client = "Since my public IP changed, mstsc says: " + DIALOG_0X204;
        List<String> ranked = ranked(client);
        assertThat(ranked.get(0)).isEqualTo("net.port-blocked");
        assertThat(top3(ranked)).doesNotContain("net.dns-wrong");
    }

    /** The cause's place in the ranking, or past its end when it is not ranked. */
    private static int place(List<String> ranked, String cause) {
        int i = ranked.indexOf(cause);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private List<String> rankedWith(String text, Map<String, String> answers) {
        return diagnoser.diagnose(new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(),
                Optional.empty())).causeIds();
    }

    private List<String> ranked(String text) {
        return diagnoser.diagnose(CaseFacts.ofText(text)).causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}
