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
 * When the user's side changed (branch clientside, client-change.drl): a client app's release or an older build that
 * works names both client.outdated-app and update.regression, ordered by which side changed; a third-party client
 * failing the security negotiation proposes the client; the Mac app's error 0x4 is its own code. The texts are made up
 * in the register of client issue trackers; none is a development case's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientChangeMechanismTest {
    private static final String CLIENT = "client.outdated-app";
    private static final String UPDATE = "update.regression";
    private static final String RELEASE_BESIDE =
            "convention: a client's own update that broke it is the update's regression first";
    private static final String OLDER_WORKS =
            "mechanism: the older build of a client app works, so the newer build carries a client defect";
    private static final String SECURITY_NEGOTIATION =
            "mechanism: a third-party client failing the security negotiation may be too old for the server";
    private static final String WINDOWS_UPDATE_FIRST =
            "mechanism: a Windows update under a client that embeds Windows' RDP control is the update's regression first";
    private static final String WINDOWS_UPDATE_CLIENT =
            "mechanism: a Windows update under a client that embeds Windows' RDP control is also the client's defect";
    private static final String STANDING = "mechanism: a FreeRDP-based client, rdesktop or mRemoteNG named keeps the client on the list";
    private static final String MAC_CODE = "mechanism: the Mac app's error 0x4 is no mstsc network-family code";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    @Test
    void aClientAppsReleaseNamesBothCausesWithTheClientFirst() {
        for (String message : List.of(
                "Since updating Remmina to version 1.4.36 none of my Windows servers connect any more.",
                "After upgrading Kasm to version 1.16.0 the RDP sessions hang at the login screen.")) {
            assertThat(Fire.said(fire.text(message))).as(message).contains(tuple(RELEASE_BESIDE, UPDATE, 7));
            List<String> ranked = ranked(message);
            assertThat(top3(ranked)).as(message).contains(CLIENT, UPDATE);
            assertThat(ranked.indexOf(CLIENT)).as(message).isLessThan(ranked.indexOf(UPDATE));
        }
    }

    @Test
    void aProductReleaseWithoutAClientNamedIsNotReadAsAClientUpdate() {
        assertThat(Fire.pairs(fire.text("Since the update to version 2.3 of our firewall tool, RDP from outside stopped.")))
                .doesNotContain(tuple(RELEASE_BESIDE, UPDATE));
    }

    @Test
    void theOlderBuildOfAClientWorkingNamesBothCauses() {
        String message = "xfreerdp 3.5.0 drops the session right after login; xfreerdp 3.4.0 works fine against the same server.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(OLDER_WORKS, CLIENT, 8));
        assertThat(top3(ranked(message))).contains(CLIENT, UPDATE);
    }

    @Test
    void theOlderBuildOfServerSoftwareWorkingStaysTheServers() {
        String message = "xrdp 0.10.1 gives a black screen while xrdp 0.9.24 works on the same box";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(OLDER_WORKS, CLIENT));
    }

    @Test
    void aWindowsUpdateUnderAnMstscaxHostPutsTheUpdateFirstAndTheClientSecond() {
        String byKb = "After KB5074109 mRemoteNG fails with an authentication error on every connection.";
        assertThat(Fire.said(fire.text(byKb))).contains(tuple(WINDOWS_UPDATE_FIRST, UPDATE, 4));
        List<String> ranked = ranked(byKb);
        assertThat(ranked.get(0)).isEqualTo(UPDATE);
        assertThat(top3(ranked)).contains(CLIENT);

        String byFeatureUpdate = "mRemoteNG on Windows 10 1809 keeps disconnecting every session.";
        assertThat(Fire.said(fire.text(byFeatureUpdate))).contains(tuple(WINDOWS_UPDATE_CLIENT, CLIENT, 4));
    }

    @Test
    void aThirdPartyClientFailingTheSecurityNegotiationProposesTheClient() {
        for (String message : List.of(
                "rdesktop cannot connect to the new server; it says the server requires Network Level Authentication.",
                "Remmina: tlsv1 alert internal error when connecting to the 2022 host",
                "xfreerdp fails with CredSSP errors against the domain controller")) {
            assertThat(Fire.said(fire.text(message))).as(message).contains(tuple(SECURITY_NEGOTIATION, CLIENT, 3));
        }
        assertThat(Fire.pairs(fire.text("mstsc says the server requires Network Level Authentication.")))
                .doesNotContain(tuple(SECURITY_NEGOTIATION, CLIENT));
    }

    @Test
    void twoThirdPartyClientsNamedCountTheSecurityReadingOnce() {
        long fired = Fire.said(fire.text("Both Remmina and xfreerdp fail the NLA handshake with this host.")).stream()
                .filter(t -> t.toList().get(0).equals(SECURITY_NEGOTIATION)).count();
        assertThat(fired).isEqualTo(1);
    }

    @Test
    void theMacAppsError0x4IsTheClientsCodeNotANetworkFamilyCode() {
        CodeFact macCode = new CodeFact("unverified", "0x4", 4, "");
        String message = "Your session ended because of an error. Error code: 0x4. "
                + "Version 10.2.13 fails, version 8.0.44 works fine with the same host.";
        CaseFacts facts = new CaseFacts(List.of(message), List.of(macCode), Map.of(), List.of(), List.of(), Optional.empty());

        List<org.assertj.core.groups.Tuple> said = Fire.said(fire.fire(facts));
        assertThat(said).contains(tuple(MAC_CODE, "net.vpn-unstable", -3), tuple(OLDER_WORKS, CLIENT, 8));
        assertThat(top3(diagnoser.diagnose(facts).causeIds())).contains(CLIENT, UPDATE);
    }

    @Test
    void theMicrosoftAppsAndOtherClientsCrashingByNameReadAsTheClientCrashing() {
        for (String message : List.of("The Windows App crashes every time I open the AVD desktop.",
                "msrdc.exe stopped working after the last login", "rdcman crashed when I opened the tenth server",
                "Faulting application name: msrdc.exe")) {
            assertThat(extractor.extract(List.of(message))).as(message)
                    .anySatisfy(signal -> assertThat(signal.family() + " " + signal.id()).isEqualTo("text client-crash"));
        }
        assertThat(extractor.extract(List.of("The server crashed and the Windows App lost the session.")))
                .noneSatisfy(signal -> assertThat(signal.id()).isEqualTo("client-crash"));
    }

    @Test
    void theMacAndMobileAppsByTheirProductNamesNameTheClient() {
        assertThat(extractor.extract(List.of("Microsoft Remote Desktop for Mac 10.9 fails with 0x4")))
                .anySatisfy(signal -> assertThat(signal.family() + " " + signal.id()).isEqualTo("client mac-app"));
        assertThat(extractor.extract(List.of("The Android client cannot reach the host")))
                .anySatisfy(signal -> assertThat(signal.family() + " " + signal.id()).isEqualTo("client mobile"));
    }

    @Test
    void aFreerdpBasedClientNamedKeepsTheClientOnTheListOnceButNotForAServerBuiltOnLibfreerdp() {
        List<org.assertj.core.groups.Tuple> said =
                Fire.said(fire.text("Remmina and xfreerdp both lose the session every few minutes."));
        assertThat(said.stream().filter(t -> t.toList().get(0).equals(STANDING)).toList())
                .containsExactly(tuple(STANDING, CLIENT, 1));
        assertThat(ranked("Remmina loses the session every few minutes.")).contains(CLIENT);
        assertThat(Fire.pairs(fire.text("gnome-remote-desktop with libfreerdp3 resets every connection")))
                .doesNotContain(tuple(STANDING, CLIENT));
    }

    @Test
    void dataLossPreventionOnTheClientIsSecuritySoftwareOnTheClient() {
        fire.assertRaisesRow("client-dlp", "client.av-blocking", 8,
                "Our data loss prevention agent on the laptops blocks the RDP session in the browser.");
    }

    /** The first three causes; the rules alone (no knowledge articles) may rank fewer. */
    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
