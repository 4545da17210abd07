package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.Diagnosis;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * "What runs on the remote computer?" decides which causes can exist at all: RDS licensing only on Windows Server, the
 * Remote Desktop switch only on Windows, a patched termsrv.dll on Windows Home, xrdp's defects on Linux.
 */
class ServerKindQuestionTest {
    private static final String AFTER_UPDATE = "After the latest Windows update I can no longer connect with Remote"
            + " Desktop. It worked before the update. Remote Desktop can't connect to the remote computer.";
    private static final String NO_LICENSE_SERVER = "The remote session was disconnected because there are no Remote"
            + " Desktop License Servers available to provide a license.";
    private static final String CANT_CONNECT = "Remote Desktop can't connect to the remote computer for one of these"
            + " reasons: 1) Remote access to the server is not enabled 2) The remote computer is turned off 3) The"
            + " remote computer is not available on the network.";

    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void isAskedWhenTheTextDoesNotNameTheServerAndNotWhenItDoes() {
        assertThat(questionIds(AFTER_UPDATE)).contains("server-kind");
        assertThat(questionIds("xrdp: login failed for display 0")).doesNotContain("server-kind");
        assertThat(questionIds("RDPConf says: Wrapper state: Installed, Listener state: Not listening"))
                .doesNotContain("server-kind");
    }

    @Test
    void onWindowsHomeAnUpdateBreaksThePatchedTermsrvNotWindowsOwnRdp() {
        List<String> unknown = diagnose(AFTER_UPDATE, Map.of()).causeIds();
        assertThat(unknown.indexOf("update.regression")).isLessThan(rank(unknown, "server.rdp-implementation-bug"));
        List<String> home = diagnose(AFTER_UPDATE, Map.of("server-kind", "windows-home")).causeIds();
        assertThat(home.get(0)).isEqualTo("server.rdp-implementation-bug");
        List<String> pro = diagnose(AFTER_UPDATE, Map.of("server-kind", "windows-pro")).causeIds();
        assertThat(pro.get(0)).as("on Pro Windows hosts RDP itself").isEqualTo("update.regression");
    }

    @Test
    void aWindowsClientEditionHasNoRdsLicensing() {
        double unknown = confidence(NO_LICENSE_SERVER, Map.of(), "license.no-server")
                + confidence(NO_LICENSE_SERVER, Map.of(), "license.grace-expired");
        double pro = confidence(NO_LICENSE_SERVER, Map.of("server-kind", "windows-pro"), "license.no-server")
                + confidence(NO_LICENSE_SERVER, Map.of("server-kind", "windows-pro"), "license.grace-expired");
        assertThat(pro).as("both licensing causes lose weight against everything unexplained").isLessThan(unknown - 0.1);
    }

    @Test
    void linuxHasNoRemoteDesktopSwitch() {
        assertThat(confidence(CANT_CONNECT, Map.of("server-kind", "linux"), "server.rdp-disabled"))
                .isLessThan(confidence(CANT_CONNECT, Map.of(), "server.rdp-disabled") / 4);
    }

    @Test
    void dontKnowChangesNothing() {
        assertThat(diagnose(AFTER_UPDATE, Map.of("server-kind", Question.DONT_KNOW)).causes())
                .isEqualTo(diagnose(AFTER_UPDATE, Map.of()).causes());
    }

    private static int rank(List<String> ids, String id) {
        return ids.contains(id) ? ids.indexOf(id) : Integer.MAX_VALUE;
    }

    private double confidence(String text, Map<String, String> answers, String cause) {
        return diagnose(text, answers).causes().stream().filter(c -> c.id().equals(cause))
                .mapToDouble(c -> c.confidence()).findFirst().orElse(0);
    }

    private List<String> questionIds(String text) {
        return diagnose(text, Map.of()).questions().stream().map(Question::id).toList();
    }

    private Diagnosis diagnose(String text, Map<String, String> answers) {
        return diagnoser.diagnose(new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(),
                Optional.empty()));
    }
}
