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
 * Answers that lift a later layer, beside a failure at the TCP step (issue 13, session 12, branch listener,
 * reach-answers.drl): what the machine is (Windows Server, an Azure VM, a Windows 10/11 PC, a Mac client) says nothing
 * of licensing or the Entra sign-in when the connection was never accepted. Texts are made up in mstsc's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachAnswersTest {
    private static final String LICENSING = "answers: Windows Server beside a failure at the TCP step: licensing comes"
            + " after the connection";
    private static final String ENTRA = "answers: an Entra-capable machine beside a failure at the TCP step: the Entra"
            + " sign-in comes after the connection";
    private static final String OLD_DIALOG = "The client could not connect to the remote computer. Remote connections"
            + " might not be enabled or the computer might be too busy to accept new connections. It is also possible"
            + " that network problems are preventing your connection.";
    private static final String TIMED_OUT = "mstsc to the server: the connection attempt timed out.";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aWindowsServerThatNeverAcceptedTheConnectionIsNoLicensingCandidate() {
        Map<String, String> server = Map.of("server-kind", "windows-server");
        assertThat(Fire.said(fire.fire(facts(OLD_DIALOG, server)))).contains(
                tuple(LICENSING, "license.no-server", -3),
                tuple(LICENSING, "license.grace-expired", -3));
        assertThat(top3(ranked(OLD_DIALOG, server))).doesNotContain("license.no-server", "license.grace-expired");
        assertThat(Fire.pairs(fire.fire(facts("Error code: 0x204", server, Fire.disconnect("0x204")))))
                .contains(tuple(LICENSING, "license.no-server"));
    }

    @Test
    void theEntraRowsAreTakenBackAtTheTcpStepWithTheirOwnWeights() {
        assertThat(Fire.said(fire.fire(facts(TIMED_OUT, Map.of("environment", "azure")))))
                .contains(tuple(ENTRA, "auth.entra-joined-target", -3));
        assertThat(Fire.said(fire.fire(facts(TIMED_OUT, Map.of("server-kind", "windows-pro")))))
                .contains(tuple(ENTRA, "auth.entra-joined-target", -2));
        assertThat(Fire.said(fire.fire(facts(TIMED_OUT, Map.of("client-app", "mac-app")))))
                .contains(tuple(ENTRA, "auth.entra-joined-target", -4));
    }

    @Test
    void aServerThatAnsweredAtTheSignInKeepsTheRows() {
        String both = TIMED_OUT + " From the office it connects but says the user name or password is incorrect.";
        assertThat(Fire.pairs(fire.fire(facts(both, Map.of("server-kind", "windows-server", "environment", "azure")))))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(LICENSING, ENTRA);
        String licensing = "The remote session was disconnected because there are no Remote Desktop License Servers"
                + " available to provide a license.";
        assertThat(Fire.pairs(fire.fire(facts(licensing, Map.of("server-kind", "windows-server")))))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(LICENSING);
    }

    private static CaseFacts facts(String text, Map<String, String> answers, CodeFact... codes) {
        return new CaseFacts(List.of(text), List.of(codes), answers, List.of(), List.of(), Optional.empty());
    }

    private List<String> ranked(String text, Map<String, String> answers) {
        return diagnoser.diagnose(facts(text, answers)).causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}
