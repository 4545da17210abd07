package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Refused sign-ins in the forms the decoder does not read (issue 13, round 4, branch signin): errorInfo 0x9 as a client
 * library's CamelCase enum member, the Remote Desktop Users group by its localised Windows name, and an account named by
 * its Office 365 / Microsoft 365 subscription (a cloud account of either kind). NTSTATUS names and codes and event 4625's
 * sub-statuses are the decoder's and event-log.drl's; the last test keeps them read once. Texts written for the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInRefusalFormsTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void errorInfoNineAsAnEnumMemberIsTheMissingSignInRight() {
        String text = "the account gets created but the rdp client stops with InsufficientPrivileges(9)";
        fire.assertRaisesRow("errinfo-insufficient-privileges", "auth.not-in-rdp-users-group", 14, text);
        assertThat(ranked(text).get(0)).isEqualTo("auth.not-in-rdp-users-group");
    }

    @Test
    void theWordsApartAreNotTheEnumMember() {
        assertThat(Fire.pairs(fire.text("insufficient disk space on the client, privileges are fine")).toString())
                .doesNotContain("errinfo-insufficient-privileges");
    }

    @Test
    void theLocalisedRemoteDesktopUsersGroupIsTheSignInRight() {
        String russian = "RDP Wrapper: the user cannot connect, net localgroup \"Пользователи удаленного рабочего стола\" /add did not help";
        fire.assertRaisesRow("rdp-users-group-l10n", "auth.not-in-rdp-users-group", 16, russian);
        assertThat(ranked(russian).get(0)).isEqualTo("auth.not-in-rdp-users-group");
        String french = "Ajouté au groupe Utilisateurs du Bureau à distance, la connexion est toujours refusée";
        fire.assertRaisesRow("rdp-users-group-l10n", "auth.not-in-rdp-users-group", 16, french);
        String portuguese = "o usuário não está no grupo Usuários da Área de Trabalho Remota";
        fire.assertRaisesRow("rdp-users-group-l10n", "auth.not-in-rdp-users-group", 16, portuguese);
    }

    @Test
    void anAccountNamedByItsSubscriptionIsACloudAccountOfEitherKind() {
        String text = "I sign in to my laptop with my Microsoft 365 account and remote desktop says my credentials did not work";
        fire.assertRaisesRow("subscription-account", "auth.microsoft-account", 6, text);
        fire.assertRaisesRow("subscription-account", "auth.entra-joined-target", 6, text);
        assertThat(ranked(text).subList(0, 3)).contains("auth.microsoft-account", "auth.entra-joined-target");
    }

    @Test
    void theSubscriptionAloneIsNotAnAccount() {
        String text = "we pay for Office 365 and remote desktop says my credentials did not work";
        assertThat(ranked(text).get(0)).isEqualTo("auth.bad-credentials");
    }

    @Test
    void aStatusCodeIsReadByTheDecoderNotAgainAsWording() {
        String text = "freerdp: STATUS_LOGON_TYPE_NOT_GRANTED [0xC000015B] for this user";
        assertThat(ranked(text).get(0)).isEqualTo("auth.not-in-rdp-users-group");
        assertThat(Fire.pairs(fire.text(text)).toString()).doesNotContain("errinfo-insufficient-privileges", "rdp-users-group-l10n");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
