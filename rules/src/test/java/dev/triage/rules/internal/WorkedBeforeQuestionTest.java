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
 * "Did it ever work from this PC?" splits a change (an update regressing, a grace period or certificate running out, a
 * saved fingerprint going stale) from a setup never finished (Remote Desktop still off, the user never added, the port
 * never opened), on texts that do not say which.
 */
class WorkedBeforeQuestionTest {
    private static final String CANT_CONNECT = "Remote Desktop can't connect to the remote computer for one of these"
            + " reasons: 1) Remote access to the server is not enabled 2) The remote computer is turned off 3) The"
            + " remote computer is not available on the network. Make sure the remote computer is turned on and"
            + " connected to the network, and that remote access is enabled.";
    private static final String NO_LICENSE_SERVER = "The remote session was disconnected because there are no Remote"
            + " Desktop License Servers available to provide a license.";
    private static final String HOST_KEY_CHANGED = "xfreerdp /v:srv01: WARNING: REMOTE HOST IDENTIFICATION HAS"
            + " CHANGED! The host key for srv01:3389 has changed. ERRCONNECT_TLS_CONNECT_FAILED";

    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void isAskedWhenTheTextDoesNotSayAndNotWhenItDoes() {
        assertThat(questionIds(CANT_CONNECT, Map.of())).contains("worked-before");
        assertThat(questionIds("It was working yesterday. " + CANT_CONNECT, Map.of()))
                .as("the regression wording answers it").doesNotContain("worked-before");
        assertThat(questionIds("Since the update: " + CANT_CONNECT, Map.of())).doesNotContain("worked-before");
    }

    @Test
    void aComputerThatWorkedIsLessLikelyToHaveRemoteDesktopSwitchedOffThanBlocked() {
        double neverWorked = ratio(CANT_CONNECT, "no", "server.rdp-disabled", "net.port-blocked");
        double worked = ratio(CANT_CONNECT, "yes", "server.rdp-disabled", "net.port-blocked");
        assertThat(worked).as("Remote Desktop is off on a new installation and, once enabled, seldom switched off")
                .isLessThan(neverWorked / 2);
    }

    @Test
    void aSessionHostThatNeverWorkedHasNoGracePeriodToHaveUsedUp() {
        assertThat(confidence(NO_LICENSE_SERVER, "no", "license.grace-expired"))
                .isLessThan(confidence(NO_LICENSE_SERVER, null, "license.grace-expired") / 2);
        assertThat(confidence(NO_LICENSE_SERVER, "yes", "license.grace-expired"))
                .isGreaterThan(confidence(NO_LICENSE_SERVER, null, "license.grace-expired"));
    }

    @Test
    void aClientThatNeverConnectedHasSavedNoFingerprint() {
        double unknown = confidence(HOST_KEY_CHANGED, null, "client.stale-cert-fingerprint");
        assertThat(confidence(HOST_KEY_CHANGED, "no", "client.stale-cert-fingerprint")).isLessThan(unknown);
        assertThat(confidence(HOST_KEY_CHANGED, "yes", "client.stale-cert-fingerprint")).isGreaterThan(unknown);
    }

    @Test
    void dontKnowChangesNothing() {
        assertThat(diagnose(CANT_CONNECT, Map.of("worked-before", Question.DONT_KNOW)).causes())
                .isEqualTo(diagnose(CANT_CONNECT, Map.of()).causes());
    }

    private double ratio(String text, String workedBefore, String cause, String against) {
        return confidence(text, workedBefore, cause) / confidence(text, workedBefore, against);
    }

    private double confidence(String text, String workedBefore, String cause) {
        Map<String, String> answers = workedBefore == null ? Map.of() : Map.of("worked-before", workedBefore);
        return diagnose(text, answers).causes().stream().filter(c -> c.id().equals(cause))
                .mapToDouble(c -> c.confidence()).findFirst().orElse(0);
    }

    private List<String> questionIds(String text, Map<String, String> answers) {
        return diagnose(text, answers).questions().stream().map(Question::id).toList();
    }

    private Diagnosis diagnose(String text, Map<String, String> answers) {
        return diagnoser.diagnose(new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(),
                Optional.empty()));
    }
}
