package dev.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The follow-up "Can another account sign in remotely to the same computer?" (issue 13, session 14, branch authfam):
 * one account refused where another is admitted leaves that account's sign-in right or state; nobody admitted leaves
 * the host's licensing, which refuses every non-administrative session alike. Texts are made up in the register of
 * admin forums and the Session Host's own dialog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtherAccountsAnswerTest {
    private static final String RIGHT = "auth.not-in-rdp-users-group";
    private static final String ACCESS_DENIED = "Since this morning Remote Desktop to the office server just says "
            + "'Access is denied' when I log in.";
    private static final String NO_LICENSE = "The remote session was disconnected because there are no Remote "
            + "Desktop License Servers available to provide a license.";

    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void anotherAccountAdmittedLiftsTheSignInRight() {
        assertThat(answerWeight(ACCESS_DENIED, "yes", RIGHT)).isEqualTo(4);
        assertThat(diagnose(ACCESS_DENIED, "yes").causeIds().get(0)).isEqualTo(RIGHT);
    }

    @Test
    void nobodyAdmittedIsNotOneAccountsRightNorItsPassword() {
        assertThat(answerWeight(ACCESS_DENIED, "no", RIGHT)).isEqualTo(-4);
        // access denied gives the password +3 only; the answer's -4 takes it off the list
        assertThat(diagnose(ACCESS_DENIED, null).causeIds()).contains("auth.bad-credentials");
        assertThat(diagnose(ACCESS_DENIED, "no").causeIds()).doesNotContain("auth.bad-credentials");
    }

    @Test
    void anotherAccountAdmittedIsNoLicensingRefusal() {
        assertThat(answerWeight(NO_LICENSE, "yes", "license.no-server")).isEqualTo(-5);
        assertThat(answerWeight(NO_LICENSE, "yes", "license.grace-expired")).isEqualTo(-5);
        assertThat(answerWeight(NO_LICENSE, "no", "license.no-server")).isEqualTo(3);
    }

    @Test
    void aTextThatAlreadySplitsTheAdministratorsFromTheUsersIsNotAskedIt() {
        String split = "Remote Desktop: access denied. Admins can connect but normal users can't.";
        assertThat(diagnose(split, null).questions()).extracting(Question::id).doesNotContain("other-accounts-work");
    }

    private int answerWeight(String text, String answer, String cause) {
        return diagnose(text, answer).causes().stream().filter(c -> c.id().equals(cause))
                .flatMap(c -> c.evidence().stream()).filter(e -> e.rule().startsWith("answers:"))
                .mapToInt(Evidence::weight).sum();
    }

    private Diagnosis diagnose(String text, String answer) {
        Map<String, String> answers = answer == null ? Map.of() : Map.of("other-accounts-work", answer);
        return diagnoser.diagnose(new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(),
                Optional.empty()));
    }
}
