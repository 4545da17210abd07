package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sign-in family of issue 13: failures the server reports once the connection works. Each message is a vendor's
 * own text (mstsc's "Your credentials did not work" in its localisations, FreeRDP's errorInfo texts, the Windows Hello
 * setting and the name forms of Microsoft's sign-in documentation) or a wording an article's "How users describe it"
 * lists, written out with made-up names, and must raise its family's row. The shared dialog alone must keep every
 * sign-in cause in play at modest weights.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInWordingTest {
    private static final String MSA_BEHIND_WRAPPER =
            "mechanism: rejected credentials behind RDP Wrapper are the desktop edition's Microsoft account";

    private final Fire fire = new Fire();

    static Stream<Arguments> messages() {
        return Stream.of(
                row("bad-password", "auth.bad-credentials", 4, "Your credentials did not work"),
                row("bad-password", "auth.bad-credentials", 4, "The logon attempt failed"),
                row("bad-password", "auth.bad-credentials", 4, "Ihre Anmeldeinformationen funktionierten nicht"),
                row("bad-password", "auth.bad-credentials", 4, "Vos informations d'identification n'ont pas fonctionné"),
                row("bad-password-ja", "auth.bad-credentials", 4, "お使いの資格情報は機能しませんでした"),
                row("microsoft-account", "auth.microsoft-account", 14, "I sign in with my PIN on that laptop"),
                row("microsoft-account", "auth.microsoft-account", 14, "For improved security, only allow Windows"
                        + " Hello sign-in for Microsoft accounts on this device"),
                row("microsoft-account", "auth.microsoft-account", 14, "Require Windows Hello sign-in for Microsoft"
                        + " accounts"),
                row("msa-name-form", "auth.microsoft-account", 14, "user name MicrosoftAccount\\someone@example.com"),
                row("no-password-field", "auth.microsoft-account", 10, "The sign-in screen has no sign-in button."),
                row("no-password-field", "auth.microsoft-account", 10, "I get the login screen without a login button"),
                row("no-password-field", "auth.microsoft-account", 10, "There are no sign-in options, only the power"
                        + " button"),
                row("email-as-username", "auth.microsoft-account", 6, "I typed my email address as the user name"),
                row("email-as-username", "auth.username-format", 4, "I typed my email address as the user name"),
                row("username-format", "auth.username-format", 12,
                        "It works as .\\Administrator, not as Administrator"),
                row("username-format", "auth.username-format", 12, "I used computer name\\alice"),
                row("username-format", "auth.username-format", 12, "the user name format is DOMAIN\\user"),
                row("entra", "auth.entra-joined-target", 14, "signed in as AzureAD\\alice@example.com"),
                row("saved-credentials", "client.cached-credentials", 10, "the saved credentials in Credential Manager"),
                row("fresh-credentials", "auth.saved-credentials-refused", 14, "The server does not accept saved user"
                        + " credentials and requires that the user enter their credentials for each connection."),
                row("delegation-refused", "auth.saved-credentials-refused", 16, "Your system administrator does not"
                        + " allow the use of saved credentials to log on to the remote computer because its identity"
                        + " is not fully verified."));
    }

    @ParameterizedTest(name = "{0} -> {1}: {3}")
    @MethodSource("messages")
    void vendorTextRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void theSharedDialogAloneKeepsEverySignInCauseAtModestWeight() {
        var said = Fire.said(fire.text("Your credentials did not work"));
        assertThat(said).extracting(t -> t.toList().get(1)).contains("auth.bad-credentials",
                "auth.username-format", "auth.microsoft-account", "client.cached-credentials");
        assertThat(said).allSatisfy(t -> assertThat((Integer) t.toList().get(2)).isLessThanOrEqualTo(7));
    }

    @Test
    void aSignInScreenWithoutAWayInBehindTheWrapperIsTheMicrosoftAccount() {
        assertThat(Fire.said(fire.text("RDP Wrapper: the login screen shows no login button")))
                .contains(tuple(MSA_BEHIND_WRAPPER, "auth.microsoft-account", 6));
        assertThat(Fire.pairs(fire.text("RDP Wrapper: the login screen shows no login button, it is a local"
                + " account"))).doesNotContain(tuple(MSA_BEHIND_WRAPPER, "auth.microsoft-account"));
    }

    // A bare ".\" would also be PowerShell running a script (.\Enable-RDP.ps1), and /d: is how every FreeRDP user
    // gives a domain: neither says the name form was wrong.
    @Test
    void ordinaryFreeRdpDomainSwitchIsNoNameFormEvidence() {
        assertThat(Fire.pairs(fire.text("xfreerdp /v:host /d:CONTOSO /u:alice; PS> .\\Enable-Rdp.ps1")))
                .extracting(Tuple::toList)
                .noneMatch(pair -> pair.get(1).equals("auth.username-format"));
    }
}
