package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server's RDP stack answered (issue 13, session 12, branch listener, server-answered.drl and the widened old-Windows
 * rule of reach-which-layer.drl): codes the server sends, and the server's own report that its service or listener
 * failed, place the failure where the network causes and the security-layer readings cannot be. Texts are made up in
 * the wording of mstsc's dialog and of Microsoft's event pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerAnsweredMechanismTest {
    private static final String DENIED = "mechanism: a closed socket beside the server's own denial code: the server"
            + " answered, so no network drop closed it";
    private static final String OLD_WINDOWS = "mechanism: an old Windows named beside a failure at the TCP step is not a"
            + " security-layer disagreement";
    private static final String DIALOG_0X904 = "This computer can't connect to the remote computer. Try connecting again."
            + " If the problem continues, contact the owner of the remote computer or your network administrator."
            + " Error code: 0x904 Extended error code: 0x7";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aClosedSocketWithTheServersDenialTakesBackTheNetworkReadings() {
        assertThat(Fire.said(fire.codes(Fire.disconnect("0x904"), Fire.extended("0x7")))).contains(
                tuple(DENIED, "net.idle-reset", -7),
                tuple(DENIED, "net.port-blocked", -6),
                tuple(DENIED, "net.dns-wrong", -6),
                tuple(DENIED, "client.av-blocking", -6),
                tuple(DENIED, "net.vpn-unstable", -4),
                tuple(DENIED, "azure.nsg", -2));
        List<String> ranked = ranked(DIALOG_0X904, Fire.disconnect("0x904"), Fire.extended("0x7"));
        assertThat(top3(ranked)).doesNotContain("net.idle-reset", "net.port-blocked", "net.dns-wrong",
                "client.av-blocking");
        assertThat(top3(ranked)).contains("cert.expired");
    }

    @Test
    void theOtherServerDenialsCountToo() {
        assertThat(Fire.pairs(fire.codes(Fire.disconnect("0x904"), Fire.extended("0x9"))))
                .contains(tuple(DENIED, "net.port-blocked"));
        assertThat(Fire.pairs(fire.codes(Fire.disconnect("0x904"), Fire.extended("0x8"))))
                .contains(tuple(DENIED, "net.idle-reset"));
    }

    @Test
    void aClosedSocketAloneKeepsItsNetworkReadings() {
        assertThat(Fire.pairs(fire.codes(Fire.disconnect("0x904")))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(DENIED);
        assertThat(Fire.pairs(fire.codes(Fire.disconnect("0x904"), Fire.extended("0x3"))))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(DENIED);
    }

    @Test
    void anOldServerWhoseListenerFailedIsNotReadAsItsSecurityLayer() {
        String event = "Nobody can open a Remote Desktop session on our Windows Server 2008 R2 terminal server. System"
                + " log: Event ID 1036, TerminalServices-RemoteConnectionManager: Terminal Server session creation"
                + " failed.";
        assertThat(Fire.said(fire.text(event))).contains(tuple(OLD_WINDOWS, "server.legacy-security-layer", -8));
        assertThat(ranked(event).get(0)).isEqualTo("server.termservice-down");
        String netstat = "Our Server 2003 box: netstat -ano | findstr 3389 shows nothing, so nothing is listening on"
                + " port 3389.";
        assertThat(Fire.pairs(fire.text(netstat))).contains(tuple(OLD_WINDOWS, "server.legacy-security-layer"));
        assertThat(top3(ranked(netstat))).doesNotContain("server.legacy-security-layer");
    }

    @Test
    void anOldServerWithItsSecurityLayerNamedKeepsThatReadingBesideAListenerEvent() {
        String message = "Windows Server 2003 set to Standard RDP Security; Event ID 1036 on the server.";
        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(OLD_WINDOWS);
    }

    private List<String> ranked(String text, CodeFact... codes) {
        return diagnoser.diagnose(new CaseFacts(List.of(text), List.of(codes), Map.of(), List.of(), List.of(),
                Optional.empty())).causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}
