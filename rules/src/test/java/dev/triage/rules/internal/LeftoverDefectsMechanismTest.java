package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rule-level defects found by the reviews of 2026-12-07 (branch leftovers): each test reads a mechanism, not one case's
 * wording. The texts are made up in the register of client issue trackers and admin forums.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeftoverDefectsMechanismTest {
    private static final String UPDATE_CLIENT_CREDSSP = "text: an update that broke a third-party client points at CredSSP";
    private static final String UPDATE_CLIENT_OUTDATED =
            "text: an update that broke a third-party client can mean the client is outdated";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    @Test
    void anUpdateBesideAThirdPartyClientIsOneReadingEvenWhenBothUpdateFamiliesMatch() {
        for (String message : List.of(
                "Since the update Remmina was updated to 1.4.35 and now it cannot connect to anything.",
                "After the update the FreeRDP flatpak got updated and xfreerdp fails on every host, Remmina too.")) {
            List<Tuple> said = Fire.said(fire.text(message));
            assertThat(said.stream().filter(t -> t.toList().get(0).equals(UPDATE_CLIENT_CREDSSP)).count()).as(message)
                    .isEqualTo(1);
            // A client release named as what changed (Remmina 1.4.35) is read once by changed-side.drl, not here too
            // (branch clientbuild); without a release number this rule reads the update once.
            long expected = message.contains("1.4.35") ? 0 : 1;
            assertThat(said.stream().filter(t -> t.toList().get(0).equals(UPDATE_CLIENT_OUTDATED)).count()).as(message)
                    .isEqualTo(expected);
        }
    }

    @Test
    void anUpdateBesideAFailureToReachThePortDoesNotRaiseCredssp() {
        for (String message : List.of(
                "After the update I can't connect anymore, the connection just times out.",
                "Since the Windows updates were installed, connection refused on port 3389.",
                "Remmina updated yesterday and now the host is unreachable, it just times out.")) {
            assertThat(credsspPoints(message)).as(message).isLessThanOrEqualTo(0);
            assertThat(ranked(message)).as(message).doesNotContain("credssp.oracle-remediation");
        }
    }

    @Test
    void anUpdateBesideAnAuthenticationFailureKeepsCredssp() {
        String message = "After the update I get: An authentication error has occurred. The function requested is not "
                + "supported. It timed out once before that too.";
        assertThat(credsspPoints(message)).isGreaterThan(10);
        assertThat(ranked(message).get(0)).isEqualTo("credssp.oracle-remediation");
        String timedOutToo = "Since the Windows updates were installed the connection just times out; when it gets through: An"
                + " authentication error has occurred. This could be due to CredSSP encryption oracle remediation.";
        assertThat(Fire.pairs(fire.text(timedOutToo))).extracting(t -> (String) t.toList().get(0))
                .noneMatch(rule -> rule.startsWith("mechanism: an update beside a failure at the TCP step"));
    }

    @Test
    void aWrapperThatRDPConfReportsSupportedAndListeningIsNotTheWrappersBuildMismatch() {
        for (String message : List.of(
                "RDPConf is all green, listening [fully supported], I put the newest rdpwrap.ini in place, but nobody "
                        + "on the LAN can connect to this PC.",
                "RDP Wrapper: RDPConf says fully supported and listening after I replaced rdpwrap.ini, still can't connect.")) {
            assertThat(ranked(message).get(0)).as(message).isNotEqualTo("server.rdp-implementation-bug");
        }
    }

    @Test
    void rdpChecksLoopbackFailureBesideAListeningRDPConfKeepsTheListenerOnTheList() {
        String message = "RDPConf shows all green, listening, but RDPCheck says socket connection failed. "
                + "I updated rdpwrap.ini by hand for my build.";
        assertThat(ranked(message).subList(0, 3)).contains("server.termservice-down");
        assertThat(ranked(message).get(0)).isNotEqualTo("server.rdp-implementation-bug");
    }

    @Test
    void aWrapperSayingNotSupportedKeepsItsBuildReading() {
        String message = "After the update RDPConf says [not supported] for my termsrv.dll, not listening.";
        assertThat(ranked(message).get(0)).isEqualTo("server.rdp-implementation-bug");
    }

    @Test
    void aNewMachineNamedWithItsProductOrKindIsANewMachine() {
        for (String message : List.of("I can't RDP into our new Windows Server 2022 VM, it just times out.",
                "Set up a new VM in Hyper-V yesterday, connection refused on 3389.",
                "The new server is unreachable over RDP, ping works.",
                "Freshly installed Windows 11 Pro box, mstsc times out.",
                "Our new Azure virtual machine does not answer on 3389.",
                "Just deployed a new EC2 instance and RDP times out.")) {
            assertThat(ids(message)).as(message).contains("new-machine");
        }
    }

    @Test
    void somethingNewThatIsNoMachineIsNoNewMachine() {
        for (String message : List.of("After I set a new password RDP times out.",
                "We installed a new certificate and now the connection is refused.",
                "I tried a new client, the connection still times out.",
                "A new version of Remmina is out and it times out connecting.",
                "Windows Server 2022 VM, new password policy, RDP times out.")) {
            assertThat(ids(message)).as(message).doesNotContain("new-machine");
        }
    }

    @Test
    void aNewMachineOutOfReachRanksRemoteDesktopNeverTurnedOn() {
        String message = "I can't RDP into our new Windows Server 2022 VM, the connection just times out.";
        assertThat(ranked(message).subList(0, 3)).contains("server.rdp-disabled");
    }

    @Test
    void aWindowsUpdateNamedByItsKbNumberIsAWindowsUpdate() {
        for (String message : List.of("KB5034441 broke RDP on all our hosts.",
                "after installing KB4093227 nobody can connect",
                "Since KB 5036893 the sessions freeze.",
                "KB3172605 broke Remote Desktop on our 2008 R2 servers.",
                "Since kb 4499164 was rolled out users get a black screen.")) {
            assertThat(ids(message)).as(message).contains("update", "windows-side-update");
        }
        assertThat(ranked("Since KB 5036893 was installed RDP sessions drop after a minute.").get(0))
                .isEqualTo("update.regression");
    }

    @Test
    void anUpdateDatedByWhenItCameIsAnUpdate() {
        for (String message : List.of("After last night's update RDP sessions freeze after a minute.",
                "Since yesterday's update nobody can connect.", "The recent updates broke Remote Desktop.")) {
            assertThat(ids(message)).as(message).contains("update");
        }
    }

    @Test
    void aSizeInKilobytesIsNoUpdate() {
        assertThat(ids("The RDP cache file is 512 kb, the bitmap cache is on.")).doesNotContain("update",
                "windows-side-update");
    }

    private List<String> ids(String message) {
        return extractor.extract(List.of(message)).stream().filter(s -> s.family().equals("text")).map(s -> s.id()).toList();
    }

    private int credsspPoints(String message) {
        return Fire.said(fire.text(message)).stream().filter(t -> t.toList().get(1).equals("credssp.oracle-remediation"))
                .mapToInt(t -> (Integer) t.toList().get(2)).sum();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
