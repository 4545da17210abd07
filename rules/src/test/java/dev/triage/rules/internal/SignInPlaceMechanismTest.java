package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Accounts, round 2 (issue 13, branch accounts, sign-in-place.drl): where the refused password works tells the account
 * causes apart (the target's own screen accepting it leaves the name the remote side resolves and the remote right, not
 * a wrong, locked or expired password); a remote sign-in screen with no tile that takes a password is Windows Hello-only
 * sign-in of a Microsoft account; the refusal retold as splitting admins from users, and mstsc's not-authorized dialog in
 * German, are the missing right; the answer "a Microsoft account" moves the group, name-form and wrong-password causes
 * down; the NLA requirement quoted inside the domain-controller message weighs once; a renamed Administrator is
 * the name form. Texts written for the test, not taken from the development cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInPlaceMechanismTest {
    private static final String NOT_WRONG = "mechanism: a password the target's own sign-in screen accepts is not a wrong password";
    private static final String NOT_WRONG_TOO = "mechanism: the target's own sign-in screen accepting the password adds to the user's word that it is right";
    private static final String NOT_LOCKED = "mechanism: an account that signs in at its own screen is neither locked nor expired";
    private static final String MSA_CACHED = "mechanism: a Microsoft account whose password signs in at its own screen has the password cached";
    private static final String NAME_FORM = "mechanism: the same password refused remotely and accepted locally is the name the remote side resolves";
    private static final String NO_TILE_WRAPPER = "mechanism: a sign-in screen without a password tile behind RDP Wrapper is the desktop edition's Microsoft account";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aPasswordTheConsoleAcceptsIsNotTheWrongPasswordButTheNameForm() {
        String text = "RDP says the logon attempt failed, but I can log on locally with the same account and password.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(NOT_WRONG, "auth.bad-credentials", -8),
                tuple(NOT_LOCKED, "auth.account-locked-or-expired", -4), tuple(MSA_CACHED, "auth.microsoft-account", -4),
                tuple(NAME_FORM, "auth.username-format", 6));
        assertThat(ranked(text).get(0)).isEqualTo("auth.username-format");
        assertThat(ranked("RDP says the logon attempt failed.").get(0)).isEqualTo("auth.bad-credentials");
    }

    @Test
    void theSameReadingInOtherWordsAndLanguages() {
        for (String text : List.of(
                "Your credentials did not work. The same credentials work when I sign in at the console of the server.",
                "The user name or password is incorrect, yet I can sign in directly on the machine with that password.",
                "Ihre Anmeldeinformationen haben nicht funktioniert. Lokal anmelden funktioniert aber mit demselben Konto.",
                "远程桌面提示你的凭据不工作，但是本地可以登录，密码没错。")) {
            // With the user's own word that the password is right as well, the second rule adds only the difference.
            assertThat(Fire.pairs(fire.text(text))).as(text).containsAnyOf(tuple(NOT_WRONG, "auth.bad-credentials"),
                    tuple(NOT_WRONG_TOO, "auth.bad-credentials"));
            assertThat(ranked(text).get(0)).as(text).isNotEqualTo("auth.bad-credentials");
        }
    }

    @Test
    void anXrdpServerHasNoWindowsNameFormToGetWrong() {
        String text = "xrdp says login failed, but I can log in locally on the Ubuntu box with the same password.";
        assertThat(Fire.pairs(fire.text(text))).contains(tuple(NOT_WRONG, "auth.bad-credentials"))
                .doesNotContain(tuple(NAME_FORM, "auth.username-format"));
    }

    @Test
    void aConsoleSignInWithThePinKeepsTheMicrosoftAccount() {
        String text = "Remote Desktop: your credentials did not work. At the console I can log in locally with my Windows Hello PIN.";
        assertThat(Fire.pairs(fire.text(text))).doesNotContain(tuple(MSA_CACHED, "auth.microsoft-account"),
                tuple(NAME_FORM, "auth.username-format"));
        assertThat(ranked(text).get(0)).isEqualTo("auth.microsoft-account");
    }

    @Test
    void aLocalSignInWithoutARefusalSaysNothingAboutThePassword() {
        assertThat(Fire.pairs(fire.text("I can log in locally, but RDP shows a black screen after connecting.")))
                .doesNotContain(tuple(NOT_WRONG, "auth.bad-credentials"), tuple(NAME_FORM, "auth.username-format"));
    }

    @Test
    void aSignInScreenWithoutAUserTileIsAMicrosoftAccountsPasswordlessSignIn() {
        String text = "Remote Desktop shows the sign-in background with just the power button, no user tile at all.";
        fire.assertRaisesRow("sign-in-screen-no-tile", "auth.microsoft-account", 8, text);
        assertThat(ranked(text).get(0)).isEqualTo("auth.microsoft-account");
        String wrapper = "RDP Wrapper is fully supported; mstsc shows the wallpaper with no user tile, then the window closes.";
        assertThat(Fire.said(fire.text(wrapper))).contains(tuple(NO_TILE_WRAPPER, "auth.microsoft-account", 6),
                tuple(NO_TILE_WRAPPER, "server.rdp-implementation-bug", -6));
        assertThat(ranked(wrapper).get(0)).isEqualTo("auth.microsoft-account");
    }

    /** One family's own wording: it raises its row and, alone, puts its cause first. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            admins-only-retold   | auth.not-in-rdp-users-group     |  8 | 'Only domain admins can RDP to the new terminal server; domain users can''t, they get an error after the password.'
            rdp-users-de-dialog  | auth.not-in-rdp-users-group     | 16 | 'Die Verbindung wurde abgelehnt, da das Benutzerkonto nicht zur Remoteanmeldung autorisiert ist.'
            password-expired     | auth.account-locked-or-expired  | 12 | 'Since Monday a user with an expired password cannot connect over Remote Desktop any more.'
            admin-renamed        | auth.username-format            | 10 | 'I renamed the Administrator account and now RDP says the user name or password is incorrect.'
            """)
    void aFamilysOwnWordingRaisesItsRowAndLeads(String family, String cause, int weight, String text) {
        fire.assertRaisesRow(family, cause, weight, text);
        assertThat(ranked(text).get(0)).isEqualTo(cause);
    }

    @Test
    void theMicrosoftAccountAnswerMovesTheOtherAccountCausesDown() {
        String text = "Remote desktop: your credentials did not work.";
        List<String> microsoft = diagnoser.diagnose(answered(text, "microsoft")).causeIds();
        assertThat(microsoft.get(0)).isEqualTo("auth.microsoft-account");
        assertThat(Fire.said(fire.fire(answered(text, "microsoft")))).extracting(t -> t.toList().subList(1, 3))
                .contains(List.of("auth.not-in-rdp-users-group", -3), List.of("auth.username-format", -3),
                        List.of("auth.bad-credentials", -3));
        assertThat(Fire.said(fire.fire(answered(text, "entra")))).extracting(t -> t.toList().subList(1, 3))
                .contains(List.of("auth.bad-credentials", -3));
        assertThat(Fire.pairs(fire.fire(answered(text, "local")))).doesNotContain(tuple(
                "answers: a Microsoft account's refused password is most often the uncached password or the PIN",
                "auth.bad-credentials"));
    }

    @Test
    void theLsaDialogsOwnExpiredPasswordSentenceIsNotAnExpiredPassword() {
        String dialog = "The Local Security Authority cannot be contacted. This could be due to an expired password.";
        assertThat(Fire.pairs(fire.text(dialog)).toString()).doesNotContain("(password-expired -> ");
    }

    @Test
    void theNlaRequirementInsideTheDomainControllerMessageWeighsOnceAsThatMessage() {
        String text = "The remote computer that you are trying to connect to requires Network Level Authentication (NLA), but"
                + " your Windows domain controller cannot be contacted to perform NLA.";
        assertThat(Fire.said(fire.text(text))).contains(tuple("mechanism: the NLA requirement inside the domain-controller"
                + " message is that message, not a security-mode mismatch", "nla.mismatch", -8));
        assertThat(ranked(text).get(0)).isEqualTo("nla.dc-unreachable");
        assertThat(Fire.pairs(fire.text("The remote computer requires Network Level Authentication, which your computer"
                + " does not support."))).extracting(t -> t.toList().get(0)).noneMatch(rule -> ((String) rule)
                .startsWith("mechanism: the NLA requirement inside the domain-controller message"));
    }

    @Test
    void windowsHelloForBusinessIsTheWorkAccountNotAPersonalOne() {
        String text = "Our laptops are Intune managed and users sign in with Windows Hello for Business. RDP says the logon attempt failed.";
        fire.assertRaisesRow("hello-for-business", "auth.entra-joined-target", 8, text);
        fire.assertRaisesRow("hello-for-business", "auth.microsoft-account", -10, text);
        assertThat(ranked(text).get(0)).isEqualTo("auth.entra-joined-target");
    }

    @Test
    void aPcUnlockedByFaceOrFingerprintIsWindowsHelloSignInOfAMicrosoftAccount() {
        String text = "My laptop uses face recognition to sign in. Over RDP it says the user name or password is incorrect.";
        fire.assertRaisesRow("hello-biometric", "auth.microsoft-account", 10, text);
        assertThat(ranked(text).get(0)).isEqualTo("auth.microsoft-account");
        assertThat(Fire.pairs(fire.text("The certificate fingerprint changed and mstsc warns about it.")).toString())
                .doesNotContain("(hello-biometric -> ");
    }

    private static CaseFacts answered(String text, String accountType) {
        return new CaseFacts(List.of(text), List.of(), Map.of("account-type", accountType), List.of(), List.of(),
                Optional.empty());
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
