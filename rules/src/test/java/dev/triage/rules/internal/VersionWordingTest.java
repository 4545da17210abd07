package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version causes (issue 13): which build works decides between a client too old for the server
 * (client.outdated-app) and an update that brought a defect (update.regression). Texts are made up in the wording
 * families of articles client-outdated-app and update-regression.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionWordingTest {
    private static final String THIRD_PARTY_BEHIND =
            "mechanism: after a Windows update only the third-party client fails, so that client is behind";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            older-build-works    | update.regression   | 8 | 'xfreerdp 3.4 drops right after login; the previous version works on the same box'
            older-build-works    | update.regression   | 8 | 'Downgraded to 10.8.2 of the app and I can connect again'
            newer-build-works    | client.outdated-app | 8 | 'Remmina from the distro cannot connect, the newer version works from the PPA'
            newer-build-works    | client.outdated-app | 8 | 'Black flash and the window closes; after updating Remmina it connects'
            other-client-instead | client.outdated-app | 4 | 'mRemoteNG tabs stay grey, I have to use mstsc instead for now'
            """)
    void versionWordingRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void theOlderBuildWorkingIsARegressionEvenWhenTheVersionIsDiscussed() {
        String message = "Since the flatpak moved to the new version nothing connects; the previous version works.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(
                "mechanism: the older build working means the newer build regressed, not an outdated client",
                "client.outdated-app", -4));
        assertThat(ranked(message).get(0)).isEqualTo("update.regression");
    }

    @Test
    void anUpdatedClientThatCuresItMakesTheUpdateTheFix() {
        String message = "Remmina showed Unable to connect to RDP server; after updating Remmina it connects again.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(
                "mechanism: a newer client build curing it means the update was the fix, not a regression",
                "update.regression", -4));
        assertThat(ranked(message).get(0)).isEqualTo("client.outdated-app");
    }

    @Test
    void onlyTheThirdPartyClientFailingAfterAWindowsUpdateIsThatClient() {
        String message = "Since the 24H2 update Remmina cannot connect any more, mstsc works from another PC.";

        assertThat(Fire.pairs(fire.text(message))).contains(tuple(THIRD_PARTY_BEHIND, "client.outdated-app"));
        assertThat(ranked(message).get(0)).isEqualTo("client.outdated-app");
    }

    @Test
    void anotherPcWorkingAfterAnUpdateWithTheBuiltInClientIsNoThirdPartyClient() {
        String message = "After the update mstsc cannot connect from my laptop, another client on the old PC works.";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(THIRD_PARTY_BEHIND, "client.outdated-app"));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
