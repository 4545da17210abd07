package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Win32 logon-failure catalogue in Windows' own translations (issue 13, branch accounts3): an expired, disabled,
 * locked or must-change account (ERROR_PASSWORD_EXPIRED 1330, ERROR_ACCOUNT_DISABLED 1331, ERROR_PASSWORD_MUST_CHANGE
 * 1907, ERROR_ACCOUNT_LOCKED_OUT 1909) raises the account-state cause, and the logon type not granted
 * (ERROR_LOGON_TYPE_NOT_GRANTED 1385) the missing Remote Desktop right, in the wording of Microsoft Learn's localised
 * System Error Codes pages; and the local Administrators group is a group, not the kind of account the user signs in
 * with; and an Entra answer leaves the AzureAD\ name form to the Entra cause (causes.md), not the name-form cause.
 * The texts are written for the test from the catalogue sentences, not taken from the development cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountCatalogueL10nTest {
    private static final String STATE = "auth.account-locked-or-expired";
    private static final String RIGHT = "auth.not-in-rdp-users-group";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    static Stream<Arguments> catalogue() {
        return Stream.of(
                Fire.row("account-state-l10n", STATE, 14, "Das Kennwort des Benutzers muss vor der Anmeldung geändert werden."),
                Fire.row("account-state-l10n", STATE, 14, "Se debe cambiar la contraseña del usuario antes de iniciar sesión."),
                Fire.row("account-state-l10n", STATE, 14, "A senha do usuário deve ser alterada antes de entrar."),
                Fire.row("account-state-l10n", STATE, 14, "È necessario modificare la password dell'utente prima dell'accesso."),
                Fire.row("account-state-l10n", STATE, 14, "使用者的密碼必須在登入之前變更。"),
                Fire.row("account-state-l10n", STATE, 14, "リモート デスクトップで「サインインする前にユーザーのパスワードを変更する必要があります。」と表示される"),
                Fire.row("account-state-l10n", STATE, 14, "Le mot de passe de ce compte a expiré."),
                Fire.row("account-state-l10n", STATE, 14, "Este usuario no puede iniciar sesión porque esta cuenta está deshabilitada actualmente."),
                Fire.row("account-state-l10n", STATE, 14, "Das Konto, auf das verwiesen wird, ist derzeit gesperrt."),
                Fire.row("logon-type-restricted", RIGHT, 14,
                        "Échec de l'ouverture de session : l'utilisateur n'a pas obtenu le type d'ouverture de session demandé sur cet ordinateur."),
                Fire.row("logon-type-restricted", RIGHT, 14,
                        "Falha de logon: o usuário não recebeu o tipo de logon solicitado neste computador."),
                Fire.row("logon-type-restricted-cjk", RIGHT, 14, "登录失败: 未授予用户在此计算机上的请求登录类型。"),
                Fire.row("logon-type-restricted-cjk", RIGHT, 14, "ログオン失敗: 要求されたログオンの種類は、ユーザーに付与されていません"));
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void theLocalisedCatalogueRaisesItsCauseFirst(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
        assertThat(ranked(message).get(0)).isEqualTo(cause);
    }

    @Test
    void adviceToChangeAPasswordIsNotTheMustChangeMessage() {
        assertThat(Fire.pairs(fire.text("パスワードを変更したらリモート デスクトップに接続できなくなりました")))
                .noneSatisfy(pair -> assertThat((String) pair.toList().get(0)).endsWith("(account-state-l10n -> " + STATE + ")"));
    }

    @Test
    void theLocalAdministratorsGroupDoesNotSayWhichAccountSignsIn() {
        String group = "I set up this PC with my Office 365 account and Remote Desktop will not let me in with it;"
                + " I had to create a second user and add it to the local Administrators group.";
        assertThat(questions(group)).contains("account-type");
        String account = "I sign in with the local admin account and Remote Desktop says the logon attempt failed.";
        assertThat(questions(account)).doesNotContain("account-type");
    }

    @Test
    void anEntraAnswerLeavesTheAzureAdNameFormToTheEntraCause() {
        String refused = "The logon attempt failed.";
        CaseFacts entra = new CaseFacts(List.of(refused), List.of(), Map.of("account-type", "entra"), List.of(), List.of(),
                Optional.empty());
        assertThat(Fire.said(fire.fire(entra))).contains(
                tuple("answers: an Entra account's name form belongs to its own cause", "auth.username-format", -2));
        List<String> ranked = diagnoser.diagnose(entra).causeIds();
        assertThat(ranked.indexOf("auth.entra-joined-target")).isLessThan(ranked.indexOf("auth.username-format"));
    }

    @Test
    void aHardeningOfNtlmIsNotTheBaselinesSignInRight() {
        String baseline = "mechanism: a hardening baseline restricts who may sign in through Remote Desktop";
        assertThat(Fire.pairs(fire.text("After our AD hardening disabled inbound NTLM the Mac clients can no longer connect.")))
                .noneSatisfy(pair -> assertThat(pair.toList().get(0)).isEqualTo(baseline));
        assertThat(Fire.pairs(fire.text("After running the CIS hardening script I can no longer connect over RDP.")))
                .anySatisfy(pair -> assertThat(pair.toList()).containsExactly(baseline, RIGHT));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }

    private List<String> questions(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).questions().stream().map(Question::id).toList();
    }
}
