package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.disconnect;
import static dev.triage.rules.internal.Fire.errconnect;
import static dev.triage.rules.internal.Fire.extended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CodesDrlTest {
    private final Fire fire = new Fire();

    @Test
    void socketClosedSupportsNetworkAndClientCauses() {
        assertThat(Fire.pairs(fire.codes(disconnect("0x904")))).contains(
                tuple("codes: a closed socket can be an unstable network", "net.vpn-unstable"),
                tuple("codes: a closed socket suggests a reset of a slow handshake by NAT or firewall", "net.idle-reset"),
                tuple("codes: a closed socket suggests security software on the client", "client.av-blocking"));
    }

    @Test
    void socketClosedWeighsTheVpnHigherOnlyWhenTheTextNamesOne() {
        String vpnRule = "codes: a closed socket through a VPN suggests the VPN drops";
        assertThat(Fire.pairs(fire.codes(disconnect("0x904")))).doesNotContain(tuple(vpnRule, "net.vpn-unstable"));
        var withVpn = new CaseFacts(List.of("on the GlobalProtect VPN since this morning"), List.of(disconnect("0x904")),
                Map.of(), List.of(), List.of(), Optional.empty());
        assertThat(Fire.pairs(fire.fire(withVpn))).contains(tuple(vpnRule, "net.vpn-unstable"));
    }

    @Test
    void serverDeniedSupportsCertificateCauses() {
        assertThat(Fire.pairs(fire.codes(extended("0x7")))).contains(
                tuple("codes: extended 0x7 the server denied the connection: its certificate may have expired", "cert.expired"),
                tuple("codes: extended 0x7 the server denied the connection: its service may not read the key",
                        "cert.private-key-permission"));
    }

    @Test
    void socketClosedWithDenialAddsTheCombinationRule() {
        assertThat(Fire.pairs(fire.codes(disconnect("0x904"), extended("0x7")))).contains(
                tuple("codes: a closed socket during setup plus a denial points at the server certificate", "cert.expired"));
        assertThat(Fire.pairs(fire.codes(disconnect("0x904")))).doesNotContain(
                tuple("codes: a closed socket during setup plus a denial points at the server certificate", "cert.expired"));
    }

    /**
     * Beside extended 0x7 ("The server denied the connection", Microsoft Learn ExtendedDisconnectReasonCode) the socket
     * was closed by the server that denied it: the path's readings of 0x904 do not fire, the server's readings do.
     */
    @Test
    void aClosedSocketAfterTheServersDenialIsNotReadAsThePath() {
        var denied = Fire.pairs(fire.codes(disconnect("0x904"), extended("0x7")));
        assertThat(denied).extracting(pair -> (String) pair.toList().get(1)).doesNotContain("net.vpn-unstable",
                "net.idle-reset", "net.port-blocked", "net.dns-wrong", "azure.nsg", "client.av-blocking");
        assertThat(denied).contains(tuple("codes: extended 0x7 the server denied the connection: its certificate may"
                + " have expired", "cert.expired"));
        var throughVpn = new CaseFacts(List.of("on the GlobalProtect VPN since this morning"),
                List.of(disconnect("0x904"), extended("0x7")), Map.of(), List.of(), List.of(), Optional.empty());
        assertThat(Fire.pairs(fire.fire(throughVpn)))
                .doesNotContain(tuple("codes: a closed socket through a VPN suggests the VPN drops", "net.vpn-unstable"));
    }

    @Test
    void expiredAccountIsAStrongAccountSignal() {
        assertThat(Fire.said(fire.codes(disconnect("0xe07")))).containsExactly(
                tuple("codes: a disabled, locked or expired account or password", "auth.account-locked-or-expired", 16));
    }

    @Test
    void extendedCodesAreNotReadAsDisconnectCodes() {
        assertThat(Fire.pairs(fire.codes(extended("0x204")))).isEmpty();
    }

    @Test
    void freeRdpPasswordCertainlyExpiredAlsoPointsAtCredssp() {
        assertThat(Fire.pairs(fire.codes(errconnect("ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED")))).contains(
                tuple("codes: FreeRDP 'password certainly expired' is often a CredSSP change", "credssp.oracle-remediation"));
    }

    @Test
    void graphicsFailureFromServerErrorInfoPointsAtTheDisplayDriver() {
        CodeFact protocolError = new CodeFact("errinfo", "0x112f", 0x112f, "ERRINFO_GRAPHICS_SUBSYSTEM_FAILED");
        assertThat(Fire.pairs(fire.codes(protocolError))).contains(
                tuple("codes: graphics subsystem failures point at the display driver", "session.display-driver"))
                .doesNotContain(tuple("codes: a protocol-range error is often a server-side RDP defect",
                        "server.rdp-implementation-bug"));
    }

    @Test
    void unknownCodeIsReadByItsLowByte() {
        CodeFact unknown = new CodeFact("unknown", "0x2407", 0x2407, "");
        assertThat(Fire.pairs(fire.codes(unknown))).containsExactlyInAnyOrder(
                tuple("codes: an unknown code of the authentication family", "auth.bad-credentials"),
                tuple("codes: an unknown code of the authentication family failed in the NLA exchange",
                        "nla.mismatch"));
    }

    @Test
    void aWindowsErrorSupportsTheCausesItsTableRowNames() {
        CodeFact mustChange = new CodeFact("status", "0xc0000224", 0xc0000224L, "STATUS_PASSWORD_MUST_CHANGE",
                Map.of("auth.account-locked-or-expired", 14));
        CodeFact rpc = new CodeFact("status", "0x800706ba", 0x800706baL, "RPC_S_SERVER_UNAVAILABLE",
                Map.of("net.unreachable", 6, "net.port-blocked", 5));
        String rule = "codes: the Windows error's table row names the cause";

        assertThat(Fire.said(fire.codes(mustChange))).containsExactly(
                tuple(rule, "auth.account-locked-or-expired", 14));
        assertThat(Fire.said(fire.codes(rpc))).containsExactlyInAnyOrder(
                tuple(rule, "net.unreachable", 6), tuple(rule, "net.port-blocked", 5));
    }

    @Test
    void aWindowsErrorWhoseRowNamesNoCauseSaysNothing() {
        CodeFact fail = new CodeFact("status", "0x80004005", 0x80004005L, "E_FAIL");

        assertThat(Fire.said(fire.codes(fail))).isEmpty();
    }
}
