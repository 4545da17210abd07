package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which side changed (branch versions, changed-side.drl): the client app's own release, the host's Windows update, or
 * the third-party server's software. The texts are made up in the register of the clients' and servers' issue
 * trackers; none is a development case's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangedSideMechanismTest {
    private static final String CLIENT_RELEASE = "mechanism: a client app's own release changed, so the defect lives in the client";
    private static final String SERVER_RELEASE = "mechanism: a third-party RDP server's own release changed, so its defect is the server's";
    private static final String BUILD_REVISION =
            "mechanism: a Windows build with its revision that stopped working is a termsrv.dll patch missing the build";
    private static final String WRAPPER_SURVIVED =
            "mechanism: a Windows update under an RDP Wrapper that reports full support is the update's own regression";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    @Test
    void aClientAppsReleaseNamedAsTheChangePutsTheClientBesideTheRegression() {
        String message = "Since I upgraded the web client from 3.9.2 to 3.10.0, every RDP connection hangs at the login.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(CLIENT_RELEASE, "client.outdated-app", 5));
        assertThat(ranked(message).subList(0, 2)).containsExactlyInAnyOrder("client.outdated-app", "update.regression");
    }

    @Test
    void aWindowsUpdateIsNoClientRelease() {
        String message = "Since the cumulative update KB5034441 every RDP connection hangs at the login.";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(CLIENT_RELEASE, "client.outdated-app"));
        assertThat(ranked(message).get(0)).isEqualTo("update.regression");
    }

    @Test
    void anOsUpgradeIsNoClientRelease() {
        assertThat(Fire.pairs(fire.text("After upgrading Ubuntu 22.04 to 24.04 Remmina cannot connect to the office PC.")))
                .doesNotContain(tuple(CLIENT_RELEASE, "client.outdated-app"));
    }

    /** A third-party server's own release is its defect, whichever of its names the user writes. */
    @ParameterizedTest
    @ValueSource(strings = {
            "After I upgraded the extension pack to 7.1.2 the VRDE server refuses every client; going back to 7.1.0 works.",
            "After gnome-remote-desktop was upgraded to 46.1 every client gets a black screen; 46.0 worked fine."})
    void aThirdPartyServersReleaseIsTheServersDefectNotAnUpdateRegression(String message) {
        List<org.assertj.core.groups.Tuple> said = Fire.said(fire.text(message));
        assertThat(said).contains(tuple(SERVER_RELEASE, "server.rdp-implementation-bug", 6),
                tuple(SERVER_RELEASE, "update.regression", -6));
        assertThat(said).extracting(t -> t.toList().get(0)).doesNotContain(CLIENT_RELEASE);
        assertThat(ranked(message).get(0)).isEqualTo("server.rdp-implementation-bug");
    }

    @Test
    void xrdpUpgradedWithTheOlderReleaseWorkingIsXrdpsDefect() {
        String message = "xrdp 0.10.1 gives a black screen since the upgrade, while 0.9.24 worked on the same box";

        assertThat(ranked(message).get(0)).isEqualTo("server.rdp-implementation-bug");
    }

    @Test
    void aWindowsBuildWithItsRevisionThatStoppedIsAWrapperMissingTheBuild() {
        String message = "10.0.22631.4460\nRDP stopped working this morning, any idea?";

        assertThat(Fire.said(fire.text(message))).contains(tuple(BUILD_REVISION, "server.rdp-implementation-bug", 6));
        assertThat(ranked(message).get(0)).isEqualTo("server.rdp-implementation-bug");
    }

    @Test
    void aBuildWithoutItsRevisionWithoutAStopOrBesideAnErrorCodeReadsNothing() {
        assertThat(Fire.pairs(fire.text("Windows 10.0.22631 here, RDP stopped working this morning")))
                .doesNotContain(tuple(BUILD_REVISION, "server.rdp-implementation-bug"));
        assertThat(Fire.pairs(fire.text("I run 10.0.22631.4460 and want to allow two users at once")))
                .doesNotContain(tuple(BUILD_REVISION, "server.rdp-implementation-bug"));
        CaseFacts withCode = new CaseFacts(List.of("Microsoft Windows [Version 10.0.22631.4460]\nmstsc stopped working: "
                + "error code 0x904, extended error code 0x7"), List.of(Fire.disconnect("0x904"), Fire.extended("0x7")),
                java.util.Map.of(), List.of(), List.of(), java.util.Optional.empty());
        assertThat(Fire.pairs(fire.fire(withCode))).doesNotContain(tuple(BUILD_REVISION, "server.rdp-implementation-bug"));
    }

    @Test
    void aWindowsUpdateUnderAWrapperThatReportsFullSupportIsTheUpdatesRegression() {
        String message = "After the security update KB5048652 RDP Wrapper's RDPConf still says listening, fully supported, "
                + "but every session drops after a minute.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(WRAPPER_SURVIVED, "update.regression", 6));
        assertThat(ranked(message).get(0)).isEqualTo("update.regression");
    }

    @Test
    void aWrapperThatIsNotSupportedAfterTheUpdateKeepsTheWrappersReading() {
        String message = "After the security update KB5048652 RDP Wrapper says not supported and not listening.";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(WRAPPER_SURVIVED, "update.regression"));
        assertThat(ranked(message).get(0)).isEqualTo("server.rdp-implementation-bug");
    }

    @Test
    void theWrappersIniRefreshAndItsMisspeltNamesNameTheWrapper() {
        for (String message : List.of("Windows updated last night, I pasted the newest ini and rebooted, still nothing",
                "rdpwapper stopped after this month's patches", "I replaced termserv.dll with the older one",
                "RDP Wrap shows everything fine but nobody can connect")) {
            assertThat(extractor.extract(List.of(message))).as(message)
                    .anySatisfy(s -> assertThat(s.family() + " " + s.id()).isEqualTo("client rdpwrap"));
        }
    }

    /**
     * The finer yes to "did something update?" puts the side that changed first among the version causes; an app's
     * update names both readings of a client release (its defect, and the update that brought it) and not CredSSP.
     */
    @Test
    void theAnswerNamingWhatUpdatedRanksThatSidesCause() {
        String message = "RDP stopped working after the update, nothing else changed.";

        assertThat(rankedWith(message, "windows").get(0)).isEqualTo("update.regression");
        // The app's own update puts the update first; it no longer lifts an outdated client as well (+3 until session
        // 15, branch onesided): an app whose own update broke a working setup is update.regression by the labelling
        // convention, and an app left behind did not update.
        assertThat(rankedWith(message, "app").get(0)).isEqualTo("update.regression");
        assertThat(rankedWith(message, "windows")).contains("credssp.oracle-remediation");
        assertThat(rankedWith(message, "app")).doesNotContain("credssp.oracle-remediation");
        assertThat(rankedWith(message, "server-software").get(0)).isEqualTo("server.rdp-implementation-bug");
        assertThat(rankedWith(message, "server-software").indexOf("update.regression"))
                .isGreaterThan(rankedWith(message, "windows").indexOf("update.regression"));
    }

    private List<String> rankedWith(String message, String whatUpdated) {
        CaseFacts facts = new CaseFacts(List.of(message), List.of(), java.util.Map.of("recent-update", whatUpdated),
                List.of(), List.of(), java.util.Optional.empty());
        return diagnoser.diagnose(facts).causeIds();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
