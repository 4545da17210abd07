package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The client app itself as the fault (client-app.drl and the client-lacks-capability / dev-build rows): what only the
 * client explains puts client.outdated-app among the leading causes. The texts are made up in the register of the
 * clients' and servers' issue trackers and logs; none is a development case's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAppMechanismTest {
    private static final String CRASH =
            "mechanism: a client app that crashes has a defect of its build (process-crash + client -> client.outdated-app)";
    private static final String MAC_RDC =
            "mechanism: Remote Desktop Connection on a Mac is the retired Mac client (rdc-product-name + mac-app -> client.outdated-app)";

    private static final String CRYPTO_BUILD =
            "mechanism: a client rebuilt against a newer crypto library (crypto-library-build + client -> client.outdated-app)";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    @Test
    void theServersLogOfAMissingGraphicsPipelineNamesTheClient() {
        String message = "Connecting from Field Monitor to my Fedora box fails, journalctl shows:\n"
                + "gnome-remote-desktop-daemon[2210]: [RDP] Client did not advertise support for the Graphics Pipeline, "
                + "closing connection";

        fire.assertRaisesRow("client-lacks-capability", "client.outdated-app", 8, message);
        assertThat(ranked(message).get(0)).isEqualTo("client.outdated-app");
        assertThat(topThree(message)).contains("client.codec-setting");
    }

    @Test
    void aCrashingClientProcessIsTheClientsBuild() {
        String message = "xfreerdp /v:build01 /u:me connects, shows the desktop for a second, then\n"
                + "Segmentation fault (core dumped)";

        assertThat(Fire.said(fire.text(message))).contains(tuple(CRASH, "client.outdated-app", 6));
        assertThat(topThree(message)).contains("client.outdated-app");
    }

    @Test
    void aCrashWhereServerSoftwareIsNamedMayBeTheServersProcess() {
        assertThat(Fire.pairs(fire.text("Since the upgrade xrdp-sesman dies with a segfault when Remmina logs in")))
                .doesNotContain(tuple(CRASH, "client.outdated-app"));
        assertThat(Fire.pairs(fire.text("RDP to the server fails, then the logs say double free or corruption")))
                .as("no client named: the crashing process could be either side")
                .doesNotContain(tuple(CRASH, "client.outdated-app"));
    }

    @Test
    void aDevelopmentBuildOfTheClientIsACandidate() {
        for (String message : List.of("Remmina 1.2.0-rcgit.19 from the PPA shows a black window and closes",
                "Built FreeRDP from git master this morning and the session drops right after logon",
                "xfreerdp 3.0.0-dev cannot open a session on the new terminal server")) {
            fire.assertRaisesRow("dev-build", "client.outdated-app", 3, message);
            assertThat(ranked(message)).as(message).contains("client.outdated-app");
        }
    }

    @Test
    void aHeadersPackageIsNoDevelopmentBuild() {
        assertThat(signals("Building guacamole-server: apt install libfreerdp-dev libssl-dev libcairo2-dev"))
                .doesNotContain("text dev-build");
    }

    @Test
    void remoteDesktopConnectionOnAMacIsTheRetiredMacClient() {
        String message = "From my MacBook the Remote Desktop Connection client says it cannot verify the identity of the "
                + "computer that you want to connect to.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(MAC_RDC, "client.outdated-app", 6));
        assertThat(topThree(message)).contains("client.outdated-app");
        assertThat(Fire.pairs(fire.text("The Remote Desktop Connection client on Windows 11 says it cannot verify the "
                + "identity of the computer"))).doesNotContain(tuple(MAC_RDC, "client.outdated-app"));
    }

    @Test
    void theClientsOwnCrashReportsNameTheClient() {
        for (String message : List.of("Remote Desktop Connection has stopped working as soon as I click Connect",
                "Event 1000: Faulting application name: mstsc.exe, version: 10.0.22621.3085",
                "Remmina crashes every time I open the saved connection to the terminal server",
                "Microsoft Remote Desktop quit unexpectedly when I double-click the PC")) {
            fire.assertRaisesRow("client-crash", "client.outdated-app", 5, message);
            assertThat(topThree(message)).as(message).contains("client.outdated-app");
        }
    }

    @Test
    void remminaWithoutItsRdpPluginIsTheClientsInstallation() {
        String message = "After installing Remmina from the Snap store the RDP entry is gone and a saved connection "
                + "says: Install the RDP protocol plugin first.";

        fire.assertRaisesRow("client-plugin-missing", "client.outdated-app", 8, message);
        assertThat(ranked(message).get(0)).isEqualTo("client.outdated-app");
    }

    @Test
    void aGuacamoleOlderThanItsFreeRdp2ReleaseIsAnOldClient() {
        String message = "Our guacd 1.1.0 container cannot open RDP to the new Server 2022 hosts, 2012 R2 still works";

        fire.assertRaisesRow("old-guacamole", "client.outdated-app", 4, message);
        assertThat(signals("We run Guacamole 1.5.5 in Docker")).doesNotContain("text old-guacamole");
    }

    @Test
    void aFreeRdpBuildWithoutMd4CannotDoNtlm() {
        String message = "xfreerdp3 /v:fs01 /u:corp\\me\n[ERROR][com.winpr.crypto.hash] - [winpr_Digest_Init_Internal]: "
                + "Failed to initialize digest md4\nERRCONNECT_AUTHENTICATION_FAILED";

        fire.assertRaisesRow("client-crypto-build", "client.outdated-app", 8, message);
        assertThat(topThree(message)).contains("client.outdated-app");
    }

    @Test
    void aThirdPartyClientThatHangsIsACandidateAndMstscFreezingIsNot() {
        fire.assertRaisesRow("client-hang", "client.outdated-app", 3,
                "Remmina freezes right after I type the password and has to be killed");
        assertThat(signals("mstsc freezes every few minutes over the VPN")).doesNotContain("text client-hang");
    }

    @Test
    void aThirdPartyClientNamedInTheTextIsACandidateAsTheAnswerOtherIs() {
        for (String message : List.of("Since this week Royal TSX only shows a grey tab for the Windows hosts",
                "Connecting through Devolutions Remote Desktop Manager fails on the new jump host")) {
            fire.assertRaisesRow("third-party-client", "client.outdated-app", 3, message);
        }
        assertThat(signals("Every terminal in the office fails to connect")).doesNotContain("text third-party-client");
    }

    @Test
    void aClientRebuiltAgainstANewerCryptoLibraryIsTheClientsBuild() {
        assertThat(Fire.said(fire.text("Since Arch's xfreerdp is built against OpenSSL 3 it no longer reaches the old "
                + "terminal server"))).contains(tuple(CRYPTO_BUILD, "client.outdated-app", 4));
        assertThat(Fire.pairs(fire.text("I compiled xrdp against OpenSSL 3 and now mstsc cannot connect")))
                .doesNotContain(tuple(CRYPTO_BUILD, "client.outdated-app"));
    }

    @Test
    void fineWithReadsAnotherClientOnlyWhenAClientIsItsObject() {
        assertThat(signals("The port is open and I can ping just fine with the server name, but RDP times out"))
                .doesNotContain("text other-clients-work");
        assertThat(signals("Remmina fails, but it connects just fine with mstsc from the same laptop"))
                .contains("text other-clients-work");
        assertThat(signals("The web client hangs at the login; with the local RDP client it works"))
                .contains("text other-clients-work");
    }

    private List<String> signals(String message) {
        return extractor.extract(List.of(message)).stream().map(s -> s.family() + " " + s.id()).toList();
    }

    private List<String> topThree(String message) {
        List<String> ranked = ranked(message);
        return ranked.subList(0, Math.min(3, ranked.size()));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
