package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A refusal of the sign-in and a message that names the password are two facts (issue 13, branch authcreds): the
 * bad-password family once gave every refusal the password's full +7, and on the unseen first measurements
 * auth.bad-credentials led 8 times, rightly once. Windows prints "The user name or password is incorrect" (Win32 1326)
 * and mstsc "Your credentials did not work" for a wrong name form, a Microsoft account and a stale saved credential as
 * well; only the sign-in screen's "The password is incorrect" and STATUS_WRONG_PASSWORD name the password alone.
 * Texts are made up in mstsc's, Windows' and the event log's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalWordingSplitTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aGenericRefusalSpreadsOverTheCausesThatPrintIt() {
        String message = "Remote Desktop Connection: Your credentials did not work. The logon attempt failed.";
        fire.assertRaisesRow("bad-password", "auth.bad-credentials", 4, message);
        fire.assertRaisesRow("bad-password", "auth.username-format", 3, message);
        fire.assertRaisesRow("bad-password", "auth.microsoft-account", 2, message);
        assertThat(textWeight(message, "auth.bad-credentials")).isEqualTo(4);
    }

    @Test
    void windowsLogonFailureTextIsNotThePasswordNamed() {
        String message = "Every attempt ends with 'The user name or password is incorrect.'";
        assertThat(fire.rowsOf(message, "password-named-wrong")).isEmpty();
        assertThat(textWeight(message, "auth.bad-credentials")).isEqualTo(4);
    }

    @Test
    void theSignInScreenNamingThePasswordAddsThePasswordsReading() {
        String message = "On the remote sign-in screen Windows says: The password is incorrect. Try again.";
        fire.assertRaisesRow("password-named-wrong", "auth.bad-credentials", 3, message);
        assertThat(textWeight(message, "auth.bad-credentials")).isEqualTo(7);
        assertThat(ranked(message).get(0)).isEqualTo("auth.bad-credentials");
    }

    @Test
    void theEventLogsWrongPasswordSubStatusNamesThePassword() {
        fire.assertRaisesRow("password-named-wrong", "auth.bad-credentials", 3,
                "Event 4625, An account failed to log on. Status: 0xC000006D Sub Status: 0xC000006A");
    }

    @Test
    void aGenericRefusalOfAPasswordTheUserKnowsIsRightDoesNotLeadWithThePassword() {
        String message = "Your credentials did not work, but I know the password is correct.";
        assertThat(ranked(message).get(0)).isNotEqualTo("auth.bad-credentials");
    }

    /** The options tried no longer count for NLA at all (session 14, branch secneg), so there is nothing to take back. */
    @Test
    void securityOptionsTriedBeforeARefusedPasswordGiveNlaNothing() {
        String refused = "I switched /sec:rdp and /sec:tls but it still says the logon attempt failed.";
        assertThat(fire.text(refused).contributions()).filteredOn(c -> !c.hypothetical())
                .noneMatch(c -> c.causeId().equals("nla.mismatch"));
        assertThat(ranked(refused).get(0)).isNotEqualTo("nla.mismatch");
    }

    private int textWeight(String message, String cause) {
        return fire.text(message).contributions().stream()
                .filter(c -> c.causeId().equals(cause) && c.rule().startsWith("text:"))
                .mapToInt(Contribution::weight).sum();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
