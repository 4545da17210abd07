package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.row;
import static dev.triage.rules.internal.Fire.disconnect;
import static dev.triage.rules.internal.Fire.errconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CodeFact;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three causes added by branch gaps2. auth.account-restriction: STATUS_ACCOUNT_RESTRICTION's vendor texts (mstsc's
 * 0xC07 text, Win32 error 1327, FreeRDP's code) and what settles it (the account has no password, Protected Users).
 * session.xrdp-same-user: xrdp's sesman line for a desktop that quits at once, and the same user signed in locally,
 * which counts only where xrdp is the server. auth.saved-credentials-refused: mstsc's dialog for a credential its
 * CredSSP policy would not delegate, and the host's demand for a typed password, neither of which is a stale one.
 * And the Mac client's unverified 0x2104, labelled as what it was seen with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestrictionSessionAndDelegationTest {
    private static final String XRDP_SAME_USER =
            "mechanism: xrdp with the same user signed in at the machine's own desktop shares one session bus";
    private static final String NOT_XRDP =
            "environment: the same user signed in locally, with no xrdp named, is not xrdp's"
                    + " one-session-per-user limit";

    private final Fire fire = new Fire();

    static Stream<Arguments> messages() {
        return Stream.of(
                row("account-restriction-msg", "auth.account-restriction", 8, "A user account restriction (for example,"
                        + " a time-of-day restriction) is preventing you from logging on."),
                row("account-restriction-msg", "auth.account-restriction", 8, "Logon failure: user account restriction."
                        + " Possible reasons are blank passwords not allowed, logon hour restrictions, or a policy"
                        + " restriction has been enforced."),
                row("account-restriction-msg", "auth.account-restriction", 8,
                        "Unable to log you on because of an account restriction."),
                row("account-restricted-l10n", "auth.account-restriction", 8,
                        "Could not access the RDP server \"pc01\". Account restricted."),
                row("blank-password", "auth.account-restriction", 14, "The local account has no password."),
                row("blank-password", "auth.account-restriction", 14, "LimitBlankPasswordUse is still 1 on that box"),
                row("protected-users", "auth.account-restriction", 12, "We put the admins into Protected Users."),
                row("delegation-refused", "auth.saved-credentials-refused", 16, "Your system administrator"
                        + " does not allow the use of saved credentials to log on to the remote computer SRV9"
                        + " because its identity is not fully verified. Please enter new credentials."),
                row("delegation-refused", "auth.saved-credentials-refused", 16,
                        "I set AllowSavedCredentialsWhenNTLMOnly to TERMSRV/* and it still asks"),
                row("wm-exited-quickly", "session.xrdp-same-user", 7, "[WARN ] Window manager (pid 2210, display 10)"
                        + " exited quickly (0 secs). This could indicate a window manager config problem"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("messages")
    void vendorMessageRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void freeRdpsAccountRestrictionCodeIsTheRestrictionNotALockout() {
        var said = Fire.said(fire.codes(errconnect("ERRCONNECT_ACCOUNT_RESTRICTION")));
        assertThat(said).extracting(t -> t.toList().get(1), t -> t.toList().get(2)).contains(
                tuple("auth.account-restriction", 14), tuple("auth.account-locked-or-expired", 6));
        assertThat(Fire.said(fire.codes(disconnect("0xc07"))))
                .extracting(t -> t.toList().get(1), t -> t.toList().get(2))
                .contains(tuple("auth.account-restriction", 8));
    }

    @Test
    void theMacClients0x2104IsOnlyAWeakHintAtTheServersCertificate() {
        var mac = new CodeFact("unverified", "0x2104", 0x2104, "");
        assertThat(Fire.said(fire.codes(mac))).extracting(t -> t.toList().get(1), t -> t.toList().get(2))
                .contains(tuple("cert.expired", 4));
    }

    @Test
    void aCredentialThePolicyKeptBackKeepsTheReferenceCauseBehindTheRefinement() {
        assertThat(Fire.said(fire.text("Your system administrator does not allow the use of saved credentials to log"
                + " on to the remote computer SRV9 because its identity is not fully verified.")))
                .extracting(t -> t.toList().get(1), t -> t.toList().get(2))
                .contains(tuple("auth.saved-credentials-refused", 16), tuple("client.cached-credentials", 4));
    }

    @Test
    void theHostsDemandForATypedPasswordIsThePolicyNotAStaleEntry() {
        assertThat(Fire.said(fire.codes(disconnect("0x2107"))))
                .extracting(t -> t.toList().get(1), t -> t.toList().get(2))
                .contains(tuple("auth.saved-credentials-refused", 14));
        fire.assertRaisesRow("fresh-credentials", "auth.saved-credentials-refused", 14, "The server does not accept"
                + " saved user credentials and requires that the user enter their credentials for each connection.");
    }

    @Test
    void anEmptyPasswordIsNotAWrongOne() {
        assertThat(Fire.said(fire.text("It says my credentials did not work; the account has no password.")))
                .extracting(t -> t.toList().get(1), t -> t.toList().get(2))
                .contains(tuple("auth.bad-credentials", -4));
    }

    @Test
    void theSameUserSignedInLocallyCountsOnlyWithXrdp() {
        assertThat(Fire.said(fire.text("xrdp: black screen, the same user is logged in locally on the Ubuntu PC")))
                .contains(tuple(XRDP_SAME_USER, "session.xrdp-same-user", 14))
                .extracting(t -> t.toList().get(0)).doesNotContain(NOT_XRDP);
        assertThat(Fire.said(fire.text("mstsc to my Windows 10 PC logs off the user who is logged in locally")))
                .contains(tuple(NOT_XRDP, "session.xrdp-same-user", -6))
                .extracting(t -> t.toList().get(0)).doesNotContain(XRDP_SAME_USER);
    }
}
