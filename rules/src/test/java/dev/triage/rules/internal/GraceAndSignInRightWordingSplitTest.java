package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13, session 14 (branch authfam): four families whose weakest member carried the strongest weight, split by what
 * each member says. {@code grace} gave "120 days" and the bare "grace period" the +10 of "the grace period has
 * expired"; {@code rdp-users} gave the +16 of the sign-in right's own messages to "logon type" (a field of every
 * 4624/4625 event) and to the generic "insufficient privileges"; {@code microsoft-account} gave its +14 to a second
 * factor named alone ("2fa", "passwordless"), which any MFA shares; {@code bad-password} held the bare German word for
 * credentials. Texts are made up in the wording of the Session Host's notifications, the event log and admin forums;
 * none is a development case's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraceAndSignInRightWordingSplitTest {
    private static final String GRACE = "license.grace-expired";
    private static final String NO_SERVER = "license.no-server";
    private static final String RIGHT = "auth.not-in-rdp-users-group";

    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void theEndOfTheGracePeriodKeepsItsWeightAndThePeriodNamedBesideItGivesWay() {
        String message = "RDS licensing: the grace period has expired and users cannot log on any more.";
        fire.assertRaisesRow("grace", GRACE, 10, message);
        assertThat(fire.rowsOf(message, "grace-period-named")).isEmpty();
    }

    @Test
    void thePeriodNamedWithoutItsEndWeighsLessThanItsEnd() {
        String message = "We set up the Session Host with the 120-day grace period for licensing and now it refuses us.";
        assertThat(ids(message)).contains("grace-period-named").doesNotContain("grace");
        fire.assertRaisesRow("grace-period-named", GRACE, 6, message);
        fire.assertRaisesRow("grace-period-named", NO_SERVER, -3, message);
    }

    @Test
    void aHostStillCountingItsGraceDaysDoesNotLeadWithTheEndedGracePeriod() {
        String message = "Our new RDS server shows: Remote Desktop licensing mode is not configured. Remote Desktop "
                + "Services will stop working in 87 days. We are still in the grace period, how do I configure the "
                + "licensing?";
        assertThat(ranked(message).get(0)).isEqualTo(NO_SERVER);
    }

    @Test
    void theEvaluationEditionsPeriodIsNotTheLicensingGracePeriod() {
        assertThat(ids("Windows Server 2022 evaluation period, RDP to it fails")).doesNotContain("grace",
                "grace-period-named");
    }

    /** A person called Grace, in a pasted user name or e-mail address, is no licensing grace period. */
    @Test
    void aUserCalledGraceIsNoGracePeriod() {
        String message = "Credentials for grace@contoso.com did not work when connecting to srv01; Grace can sign in"
                + " at the console.";
        assertThat(ids(message)).doesNotContain("grace", "grace-period-named");
        assertThat(ranked(message)).doesNotContain(GRACE);
    }

    @Test
    void theLogonTypeFieldOfAFailedLogonEventIsNotTheSignInRight() {
        String message = "Event 4625 An account failed to log on. Logon Type: 10 Failure Reason: Unknown user name or "
                + "bad password. Status: 0xC000006D Sub Status: 0xC000006A";
        assertThat(ids(message)).doesNotContain("rdp-users");
        assertThat(ranked(message).get(0)).isEqualTo("auth.bad-credentials");
    }

    @Test
    void theLogonTypeNotGrantedMessageStillNamesTheSignInRight() {
        fire.assertRaisesRow("rdp-users", RIGHT, 16,
                "Logon failure: the user has not been granted the requested logon type at this computer.");
    }

    @Test
    void insufficientPrivilegesRetoldIsARetellingBelowTheMessage() {
        String retold = "RDP says insufficient privileges for my second user";
        fire.assertRaisesRow("privileges-retold", RIGHT, 8, retold);
        assertThat(fire.rowsOf(retold, "rdp-users")).isEmpty();
    }

    @Test
    void insufficientPrivilegesInsideTheClientsMessageCountsOnceAsThatMessage() {
        String message = "Remmina: Could not access the RDP server. The user has insufficient privileges.";
        fire.assertRaisesRow("rdp-users-l10n", RIGHT, 16, message);
        assertThat(fire.rowsOf(message, "privileges-retold")).isEmpty();
    }

    @Test
    void aSecondFactorAloneIsNotTheMicrosoftAccountNamed() {
        String message = "Since we added Duo 2FA to the jump host, RDP says the logon attempt failed.";
        assertThat(ids(message)).contains("second-factor-named").doesNotContain("microsoft-account");
        fire.assertRaisesRow("second-factor-named", "auth.microsoft-account", 5, message);
        assertThat(fire.rowsOf(message, "microsoft-account")).isEmpty();
    }

    @Test
    void theSecondFactorOfANamedMicrosoftAccountCountsOnceAsThatAccount() {
        String message = "The PC signs in with my Microsoft account, two-factor is on, and mstsc says the password is wrong.";
        fire.assertRaisesRow("microsoft-account", "auth.microsoft-account", 14, message);
        assertThat(fire.rowsOf(message, "second-factor-named")).isEmpty();
    }

    @Test
    void theNotAuthorizedMessageRetoldByItsSubjectIsARetelling() {
        String retold = "When I connect to the lab PC I get a 'user not authorized' error after typing my password.";
        fire.assertRaisesRow("not-authorized-retold", RIGHT, 10, retold);
        String verbatim = "The connection was denied because the user account is not authorized for remote login.";
        fire.assertRaisesRow("rdp-users", RIGHT, 16, verbatim);
        assertThat(fire.rowsOf(verbatim, "not-authorized-retold")).isEmpty();
    }

    @Test
    void theGermanWordForCredentialsIsNotTheRefusal() {
        assertThat(ids("Ich habe die Delegierung von gespeicherten Anmeldeinformationen zugelassen, RDP geht trotzdem "
                + "nicht")).doesNotContain("bad-password");
        assertThat(ids("Remotedesktopverbindung: Ihre Anmeldeinformationen funktionierten nicht"))
                .contains("bad-password");
    }

    private List<String> ids(String message) {
        return extractor.extract(List.of(message)).stream().map(Signal::id).toList();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
