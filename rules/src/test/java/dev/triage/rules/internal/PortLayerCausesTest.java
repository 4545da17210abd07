package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RDP port's own causes read alike where the evidence cannot tell them apart (issue 13, session 16, branch reach):
 * mstsc's can't-reach dialog names Remote Desktop not enabled as its first reason, so its Remote Desktop row weighs as
 * its firewall row; a host that answers ping or its shares while its RDP port does not leaves the firewall, Remote
 * Desktop switched off and the stopped service alike. Texts are made up in the wording of the dialog and of the
 * articles' "How users describe it".
 */
class PortLayerCausesTest {
    private static final String DIALOG = "Remote Desktop can't connect to the remote computer for one of these reasons:"
            + " 1) Remote access to the server is not enabled 2) The remote computer is turned off 3) The remote"
            + " computer is not available on the network";
    private static final String FIREWALL = "net.port-blocked";
    private static final String SWITCHED_OFF = "server.rdp-disabled";
    private static final String SERVICE = "server.termservice-down";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void theCantReachDialogWeighsRemoteDesktopOffAsItsFirewall() {
        fire.assertRaisesRow("generic-unreachable", SWITCHED_OFF, 5, DIALOG);
        fire.assertRaisesRow("generic-unreachable", FIREWALL, 5, DIALOG);
    }

    @Test
    void theJapaneseDialogWeighsRemoteDesktopOffAsItsFirewall() {
        String japanese = "リモート デスクトップはリモート コンピューターに接続できません";
        fire.assertRaisesRow("generic-unreachable-ja", SWITCHED_OFF, 5, japanese);
        fire.assertRaisesRow("generic-unreachable-ja", FIREWALL, 5, japanese);
    }

    @Test
    void code0x204WeighsRemoteDesktopOffAsItsFirewall() {
        assertThat(Fire.said(fire.codes(Fire.disconnect("0x204")))).contains(
                tuple("codes: a failed TCP connect suggests Remote Desktop is disabled", SWITCHED_OFF, 8),
                tuple("codes: a failed TCP connect suggests a blocked port", FIREWALL, 8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ping-works | I can ping the server but RDP fails.",
            "ping-works | Ping works but RDP doesn't.",
            "ping-works | The host responds to ping, only Remote Desktop times out.",
            "host-answers-otherwise | File shares work, only RDP fails.",
            "host-answers-otherwise | Other services respond, RDP does not.",
            "host-answers-otherwise | I can ssh into it but RDP fails."})
    void aHostThatAnswersAnythingElseLiftsThePortsThreeCausesAlike(String family, String message) {
        fire.assertRaisesRow(family, FIREWALL, 3, message);
        fire.assertRaisesRow(family, SWITCHED_OFF, 3, message);
        fire.assertRaisesRow(family, SERVICE, 3, message);
    }

    @Test
    void aHostThatAnswersBesideTheDialogLeavesThePortsCausesOnTop() {
        List<String> ranked = diagnoser.diagnose(CaseFacts.ofText("I can ping the server and open its file shares,"
                + " but: " + DIALOG)).causeIds();
        assertThat(ranked.subList(0, 3)).containsExactlyInAnyOrder(FIREWALL, SWITCHED_OFF, SERVICE);
        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder(FIREWALL, SWITCHED_OFF);
    }
}
