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
 * Which side's software is at fault and whether an update event is stated (software-fault.drl, packs/rdp/phrases.txt
 * client-version, client-version-newer, self-updating-client; session 14, branch softfault). Texts are made up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftwareFaultMechanismTest {
    private static final String SELF_UPDATING_STOPPED =
            "mechanism: a self-updating client that stopped working had an update nobody stated";
    private static final String THIRD_PARTY_INTERNAL_ERROR =
            "mechanism: an internal error from a third-party RDP stack is that stack failing";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Remmina installed from Flathub stopped working this week, it was working fine before. Could not connect.",
            "The FreeRDP snap package worked until yesterday; now the session closes right after the login.",
    })
    void aSelfUpdatingClientThatStoppedWorkingIsTheUpdatesRegression(String text) {
        assertThat(Fire.said(fire.text(text))).contains(tuple(SELF_UPDATING_STOPPED, "update.regression", 3));
        List<String> ranked = ranked(text);
        assertThat(ranked.indexOf("update.regression")).as(ranked.toString())
                .isLessThan(ranked.indexOf("client.outdated-app") < 0 ? 99 : ranked.indexOf("client.outdated-app"));
    }

    @Test
    void thePackagingAloneSaysNoVersionIsOld() {
        String text = "I use the Remmina flatpak and cannot connect to my Windows server.";
        assertThat(Fire.pairs(fire.text(text)))
                .doesNotContain(tuple("text: the client's version is discussed (client-version -> client.outdated-app)",
                        "client.outdated-app"))
                .doesNotContain(tuple(SELF_UPDATING_STOPPED, "update.regression"));
    }

    @Test
    void aNewBuildCuringItKeepsTheSilentUpdateOut() {
        String text = "The Remmina flatpak stopped working; the newer version works again.";
        assertThat(Fire.pairs(fire.text(text))).doesNotContain(tuple(SELF_UPDATING_STOPPED, "update.regression"));
    }

    @Test
    void aDowngradeIsNoLongerReadAsAnOldClient() {
        assertThat(Fire.pairs(fire.text("Should I downgrade Remmina? RDP to the office PC fails since Monday.")))
                .doesNotContain(tuple("text: the client's version is discussed (client-version -> client.outdated-app)",
                        "client.outdated-app"));
        fire.assertRaisesRow("client-version", "client.outdated-app", 7,
                "My FreeRDP is an old version, should I upgrade FreeRDP?");
    }

    @Test
    void mstscsInternalErrorOnWindowsIsNoDefectOfTheStack() {
        String text = "Remote Desktop Connection: An internal error has occurred. Windows Server 2019.";
        assertThat(Fire.pairs(fire.text(text)))
                .doesNotContain(tuple(THIRD_PARTY_INTERNAL_ERROR, "server.rdp-implementation-bug"));
        assertThat(Fire.said(fire.text(text))).noneMatch(t -> t.toList().get(1).equals("server.rdp-implementation-bug"));
    }

    @Test
    void theSameDialogInFrontOfAPatchedOrLinuxServerIsThatServer() {
        assertThat(Fire.said(fire.text("After the cumulative update RDP Wrapper gives An internal error has occurred")))
                .contains(tuple(THIRD_PARTY_INTERNAL_ERROR, "server.rdp-implementation-bug", 4));
        assertThat(Fire.pairs(fire.text("xrdp log: SSL_accept: tlsv1 alert internal error")))
                .doesNotContain(tuple(THIRD_PARTY_INTERNAL_ERROR, "server.rdp-implementation-bug"));
    }

    @Test
    void howAFailureCameIsNotThatItWorkedBefore() {
        String regressionRow = "text: it worked before and stopped (regression -> update.regression)";
        assertThat(Fire.pairs(fire.text("The session suddenly disconnects after a few minutes.")))
                .doesNotContain(tuple(regressionRow, "update.regression"));
        fire.assertRaisesRow("regression", "update.regression", 2, "It was working last week and now it stopped working.");
    }

    private List<String> ranked(String text) {
        return diagnoser.diagnose(CaseFacts.ofText(text)).causeIds();
    }
}
