package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Windows' Credential Manager, where mstsc keeps the saved TERMSRV credential, by its localised names (family
 * saved-credentials-l10n, session 15, branch auth): the same row as the English "credential manager". Texts written
 * for the test from the names on the family's source line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SavedCredentialsL10nWordingTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '在凭据管理器里删除 TERMSRV 的条目后就好了'
            '資格情報マネージャーに古いパスワードが残っていました'
            'Ich habe den Eintrag in der Anmeldeinformationsverwaltung gelöscht'
            'Удалил запись TERMSRV в диспетчере учетных данных'
            'J''ai supprimé l''entrée dans le Gestionnaire d''informations d''identification'
            'Borré la entrada del Administrador de credenciales'
            'Apaguei a credencial no Gerenciador de Credenciais'
            '자격 증명 관리자에서 TERMSRV 항목을 삭제했습니다'
            """)
    void credentialManagerInEachLanguageRaisesTheSavedCredentialRow(String message) {
        fire.assertRaisesRow("saved-credentials-l10n", "client.cached-credentials", 10, message);
    }

    @Test
    void aRefusalBesideTheLocalisedCredentialManagerRanksTheSavedCredential() {
        String text = "远程桌面提示：你的凭据不工作。凭据管理器里保存着旧密码。";
        assertThat(diagnoser.diagnose(CaseFacts.ofText(text)).causeIds().get(0)).isEqualTo("client.cached-credentials");
    }
}
