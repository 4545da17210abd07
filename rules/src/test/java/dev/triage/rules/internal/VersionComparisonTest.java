package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.internal.VersionComparison.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "Version X fails, version Y works" (branch gaps3): which of two builds of one product works decides between an
 * outdated client and a regression. The texts are made up, in the version forms the products print: mstsc's and
 * Windows' four-part builds, the Windows App's and the Mac app's three-part versions, "v10" shorthands, Debian and
 * Fedora package versions with epochs and release suffixes, xrdp's 0.9 / 0.10 lines.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VersionComparisonTest {
    private final VersionComparison comparison = new VersionComparison();
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            OLDER_WORKS | 2.0.0      | 2.1.2      | 'freerdp-2:2.1.2-1.fc31.x86_64 fails\nfreerdp-2:2.0.0-53.20190820git6015229.fc31.x86_64 works fine'
            OLDER_WORKS | 8.0.44     | 10.2.13    | 'v10 (10.2.1 and 10.2.13) encounters a connection issue. With v8 (8.0.44) it succeeded without issue.'
            OLDER_WORKS | 1.4.31     | 1.4.35     | 'Remmina 1.4.35 cannot connect any more; 1.4.31 works.'
            OLDER_WORKS | 0.9.24     | 0.10.1     | 'xrdp 0.10.1 gives a black screen, while 0.9.24 worked on the same box'
            OLDER_WORKS | 10.0.19045 | 10.0.22621 | 'mstsc 10.0.22621 freezes at configuring remote session but 10.0.19045 connects'
            OLDER_WORKS | 2.0.365    | 2.0.500    | 'Windows App 2.0.500 fails with 0x4, 2.0.365 worked'
            OLDER_WORKS | v3.4.0     | v3.5.1     | 'Since v3.5.1 the session drops after login. v3.4.0 works.'
            NEWER_WORKS | 1.4.35     | 1.4.2      | 'Remmina 1.4.2 from the distro fails, 1.4.35 from flathub connects.'
            NEWER_WORKS | 10.8.2     | 10.2.13    | 'The Mac app 10.2.13 does not work; 10.8.2 works.'
            NEWER_WORKS | version 2.11.7 | 2.2.0      | 'xfreerdp 2.2.0 crashes but version 2.11.7 works fine'
            NEWER_WORKS | 1.77.3     | 1.76.20    | 'mRemoteNG 1.76.20 is broken, 1.77.3 is ok'
            NEWER_WORKS | version 3  | version 2  | 'version 2 fails, version 3 works'
            """)
    void readsWhichBuildWorks(Verdict verdict, String working, String failing, String text) {
        assertThat(comparison.find(text.replace("\\n", "\n")))
                .contains(new VersionComparison.Finding(verdict, working, failing));
    }

    /** The pre-check that spares most pastes the sentence and clause split must say "maybe" to every version form. */
    @ParameterizedTest
    @ValueSource(strings = {"Remmina 2.1 fails", "with v8 it works", "V 10 works", "version 3 works",
        "Version\n2 fails", "build 10.0.19045"})
    void readsOnWhereAVersionMayBeNamed(String text) {
        assertThat(VersionComparison.mayNameVersion(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "This computer can't connect to the remote computer.\nError code: 0x904\nExtended error code: 0x7",
        "Because of a protocol error (code: 0x112f), the remote session will be disconnected.",
        "ERRCONNECT_TLS_CONNECT_FAILED [0x00020008]; port 3389 works from 2 of 3 hosts, the VPN fails",
    })
    void skipsTextsThatNameNoVersion(String text) {
        assertThat(VersionComparison.mayNameVersion(text)).isFalse();
        assertThat(comparison.find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "xfreerdp /v:172.23.68.40 works from the office, 10.0.0.5 fails from home",
        "TLS 1.2 works, TLS 1.0 fails",
        "It broke after the update of 13.03.2018, on 01.03.2018 it worked",
        "Windows 10.0.19045 works fine but xrdp 0.9.21 fails",
        "2.1.2 fails and 2.0.0 fails too",
        "Remmina 1.4.35 cannot connect to the server that runs 1.4.31",
        "1.4.2 works but 1.4.35 works as well",
        "2.0 works, 2.1 fails, 2.2 works",
        "Error 0x4 and 0x904 since the update; port 3389 works from another PC",
    })
    void findsNoComparisonWhereThereIsNone(String text) {
        assertThat(comparison.find(text)).isEmpty();
    }

    /** mstsc and termsrv.dll carry the Windows build: a newer build that works is a Windows update, not a newer app. */
    @ParameterizedTest
    @ValueSource(strings = {
        "On 19045.6809 the Windows App sign-in fails, after the fix 19045.6811 it works",
        "termsrv.dll 10.0.19041.1202 is not supported, 10.0.19043.1415 works",
        "mstsc 10.0.19045 fails to connect, 10.0.22621 works",
    })
    void aNewerWindowsBuildThatWorksIsNoNewerClient(String text) {
        assertThat(comparison.find(text)).isEmpty();
    }

    @Test
    void largeTextsStayQuick() {
        String text = "2.1.2 fails, 2.0.0 works. ".repeat(20_000);
        long start = System.nanoTime();
        Optional<VersionComparison.Finding> finding = comparison.find(text);
        assertThat(finding).map(VersionComparison.Finding::verdict).contains(Verdict.OLDER_WORKS);
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void theComparisonRaisesItsSignalRows() {
        fire.assertRaisesRow("older-version-works", "update.regression", 8,
                "FreeRDP 3.5.0 drops right after login; 3.4.0 works on the same box");
        fire.assertRaisesRow("newer-version-works", "client.outdated-app", 8,
                "Remmina 1.4.2 from the distro fails, 1.4.35 from flathub connects");
    }

    @Test
    void theOlderBuildWorkingRanksTheRegressionFirst() {
        assertThat(ranked("xfreerdp 2.1.2 terminates the session as the screen builds. 2.0.0 works fine.").get(0))
                .isEqualTo("update.regression");
    }

    @Test
    void theNewerBuildWorkingRanksTheOutdatedClientFirst() {
        assertThat(ranked("The Mac app 10.2.13 fails to open the desktop, 10.8.2 connects to the same host.").get(0))
                .isEqualTo("client.outdated-app");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
