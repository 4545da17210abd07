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
 * Which side changed (branch clientver, issue 13): a Windows update beside a client that carries its own RDP stack
 * changed the host, not the client; a client's own debug log of the protocols it offers names no server setting. The
 * texts are made up in the register of client issue trackers; none is a development case's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhichSideChangedTest {
    private static final String CLIENT = "client.outdated-app";
    private static final String CREDSSP = "credssp.oracle-remediation";
    private static final String LEGACY = "server.legacy-security-layer";
    private static final String SECURITY_NEGOTIATION =
            "mechanism: a third-party client failing the security negotiation may be too old for the server";
    private static final String UPDATE_BROKE_CLIENT = "text: an update that broke a third-party client can mean the client is outdated";
    private static final String NEGO_SETTINGS = "mechanism: FreeRDP's log of the protocols it offers names no legacy security layer";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aWindowsUpdateBesideAClientWithItsOwnStackIsNotReadAsTheClientChanging() {
        for (String message : List.of(
                "Since the servers installed this month's cumulative update, xfreerdp fails the NLA handshake.",
                "After KB5034441 on the hosts, Remmina says the CredSSP negotiation failed.",
                "Guacamole cannot connect with NLA since Windows Update ran on the 2019 servers.")) {
            List<String> rules = Fire.said(fire.text(message)).stream().map(t -> (String) t.toList().get(0)).toList();
            assertThat(rules).as(message).doesNotContain(SECURITY_NEGOTIATION, UPDATE_BROKE_CLIENT);
            List<String> ranked = ranked(message);
            assertThat(ranked.indexOf(CREDSSP)).as(message).isNotNegative();
            assertThat(ranked.indexOf(CLIENT) < 0 || ranked.indexOf(CREDSSP) < ranked.indexOf(CLIENT)).as(message).isTrue();
        }
    }

    @Test
    void withoutAWindowsUpdateTheClientReadingsStay() {
        assertThat(Fire.said(fire.text("xfreerdp fails the NLA handshake against the new host.")))
                .contains(tuple(SECURITY_NEGOTIATION, CLIENT, 3));
        assertThat(Fire.said(fire.text("After the update Remmina cannot connect to any server.")))
                .contains(tuple(UPDATE_BROKE_CLIENT, CLIENT, 5));
    }

    @Test
    void aWindowsUpdateUnderAClientThatHostsWindowsRdpControlStillReadsTheClient() {
        assertThat(Fire.said(fire.text("After the Windows update mRemoteNG cannot open any RDP tab.")))
                .contains(tuple(UPDATE_BROKE_CLIENT, CLIENT, 5));
    }

    @Test
    void freerdpsLogOfTheProtocolsItOffersNamesNoLegacySecurityLayer() {
        String log = "[DEBUG][com.freerdp.core.nego] - Enabling security layer negotiation: TRUE\n"
                + "[DEBUG][com.freerdp.core.nego] - Enabling NLA security: TRUE\n"
                + "[ERROR][com.freerdp.core] - transport_connect_nla:freerdp_set_last_error_ex ERRCONNECT_AUTHENTICATION_FAILED";
        assertThat(Fire.said(fire.text(log))).contains(tuple(NEGO_SETTINGS, LEGACY, -8));
        assertThat(ranked(log).indexOf(LEGACY)).isNotEqualTo(0);

        String named = "The server is set to the RDP Security Layer. [DEBUG][com.freerdp.core.nego] - Enabling TLS security: TRUE";
        assertThat(Fire.pairs(fire.text(named))).doesNotContain(tuple(NEGO_SETTINGS, LEGACY));
    }

    /**
     * A Chinese post about a web bastion's release (the Chinese bastions' users post in Chinese, the releases in
     * digits): the upgrade that broke RDP and the rollback that cured it are read as in English, so the update reading
     * leads and the client's own reading is proposed.
     */
    @Test
    void aReleaseChangeToldInChineseIsReadAsInEnglish() {
        String message = "堡垒机从3.8.1升级到3.9.0之后，RDP连接全部失败，回退到3.8.1才能正常使用。";
        assertThat(Fire.pairs(fire.text(message))).contains(
                tuple("mechanism: a release rolled back to is the older build working", "update.regression"),
                tuple("mechanism: a client app's own release changed, so the defect lives in the client", CLIENT));
        assertThat(ranked(message).indexOf("update.regression")).isZero();
        assertThat(ranked(message)).contains(CLIENT);
    }

    @Test
    void theAnswerThatTheAppUpdatedRightBeforeItBrokePutsTheUpdateFirst() {
        String message = "RDP through our web gateway stopped working this week.";
        CaseFacts facts = new CaseFacts(List.of(message), List.of(), Map.of("recent-update", "app"), List.of(), List.of(),
                Optional.empty());
        List<String> ranked = diagnoser.diagnose(facts).causeIds();
        assertThat(ranked.indexOf("update.regression")).isZero();
        // The answer no longer lifts the client too (+3 until session 15, branch onesided): an app whose own update
        // broke a working setup is update.regression by the labelling convention, an app left behind did not update.
    }

    @Test
    void error3334BesideAnOldMremotengVersionIsTheOutdatedSessionManagerNotTheUpdate() {
        CodeFact code3334 = new CodeFact("unverified", "0xd06", 0xd06, "");
        String old = "Version 1.75.7012 disconnects every tab with RDP error 3334 since the Windows update last week.";
        CaseFacts facts = new CaseFacts(List.of(old), List.of(code3334), Map.of(), List.of(), List.of(), Optional.empty());
        assertThat(Fire.said(fire.fire(facts))).contains(
                tuple("mechanism: an mRemoteNG 1.76 or older names an outdated session manager", CLIENT, 6),
                tuple("mechanism: an update under an old mRemoteNG exposed the old build, it is no regression of the update",
                        "update.regression", -6));
        List<String> ranked = diagnoser.diagnose(facts).causeIds();
        assertThat(ranked.indexOf(CLIENT)).isLessThan(ranked.indexOf("update.regression"));

        String current = "Version 1.77.3 disconnects every tab with RDP error 3334 since the Windows update last week.";
        CaseFacts newer = new CaseFacts(List.of(current), List.of(code3334), Map.of(), List.of(), List.of(), Optional.empty());
        assertThat(Fire.pairs(fire.fire(newer)))
                .doesNotContain(tuple("mechanism: an mRemoteNG 1.76 or older names an outdated session manager", CLIENT));
    }

    @Test
    void aLinuxServerKeepsTheClientACandidate() {
        String message = "Connection error: the session closes right after connecting.";
        CaseFacts facts = new CaseFacts(List.of(message), List.of(), Map.of("server-kind", "linux"), List.of(), List.of(),
                Optional.empty());
        assertThat(diagnoser.diagnose(facts).causeIds()).contains(CLIENT, "server.rdp-implementation-bug");
    }

    @Test
    void anIronrdpConnectorRejectingTheServersDeactivateAllIsTheClientsBuild() {
        for (String message : List.of(
                "Connecting to GNOME Remote Desktop on Fedora fails: Session error: unexpected Share Control Pdu "
                        + "(expected ServerDemandActive)",
                "The web client gives RDP connect finalize failed: unexpected Share Control PDU during capabilities exchange: "
                        + "got Server Deactivate All PDU (expected Server Demand Active PDU) against our xrdp box")) {
            fire.assertRaisesRow("ironrdp-activation-rejected", CLIENT, 8, message);
            List<String> ranked = ranked(message);
            assertThat(ranked.get(0)).as(message).isEqualTo(CLIENT);
        }
    }

    @Test
    void aReleaseRolledBackToIsTheOlderBuildWorkingSoTheUpdateLeads() {
        String rule = "mechanism: a release rolled back to is the older build working";
        for (String message : List.of(
                "Guacamole hangs at 'Connecting, please wait' with the new image. If I go back to 1.6.0 it works.",
                "RDP sessions through Kasm dropped every minute, so we reverted Kasm to 1.17.0 and they hold again.")) {
            assertThat(Fire.said(fire.text(message))).as(message).contains(tuple(rule, "update.regression", 8));
            List<String> ranked = ranked(message);
            assertThat(ranked.indexOf("update.regression")).as(message).isZero();
            assertThat(ranked.subList(0, Math.min(3, ranked.size()))).as(message).contains(CLIENT);
        }
        assertThat(Fire.pairs(fire.text("Since updating Remmina to 1.4.36 nothing connects; the previous version works.")))
                .doesNotContain(tuple(rule, "update.regression"));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
