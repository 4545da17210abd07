package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mstsc's core dialogs as Microsoft localises them (issue 13, branch l10n). The localised wording joins the English
 * family of the same message, so it raises the same signals.tsv row. The texts are built from the sources named on
 * the families' {@code # source:} lines: Microsoft Learn's localised editions of "Troubleshoot authentication errors
 * when you use RDP to connect to Azure VM" and of the "Allow log on through Remote Desktop Services" user right, the
 * Remote Desktop Users group's localised names, Tencent Cloud's zh-CN CVM docs, and a Japanese quote of the
 * account-restriction dialog. Chinese and Japanese have no word boundaries, so their fragments match inside a sentence.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalisedDialogWordingTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            rdp-users               | auth.not-in-rdp-users-group | 16 | '提示：要远程登录，你需要具有通过远程桌面服务进行登录的权限。'
            rdp-users               | auth.not-in-rdp-users-group | 16 | '错误：必须被授予通过远程桌面服务登录的权限'
            rdp-users               | auth.not-in-rdp-users-group | 16 | '此用户不是远程桌面用户组的成员'
            rdp-users               | auth.not-in-rdp-users-group | 16 | '组策略里“允许通过远程桌面服务登录”只有 Administrators'
            rdp-users               | auth.not-in-rdp-users-group | 16 | '「リモート デスクトップ サービスを使ったログオンを許可」に追加しました'
            rdp-users               | auth.not-in-rdp-users-group | 16 | 'Die Richtlinie "Anmelden über Remotedesktopdienste zulassen" enthält nur Administratoren'
            rdp-users               | auth.not-in-rdp-users-group | 16 | 'Der Benutzer ist nicht in der Gruppe Remotedesktopbenutzer'
            rdp-users               | auth.not-in-rdp-users-group | 16 | 'Er fehlt in der Remotedesktopbenutzergruppe'
            rdp-users               | auth.not-in-rdp-users-group | 16 | 'Политика «Разрешить вход в систему через службу удаленных рабочих столов» пуста'
            rdp-users               | auth.not-in-rdp-users-group | 16 | 'Il n''est pas membre du groupe Utilisateurs Bureau à distance'
            rdp-users               | auth.not-in-rdp-users-group | 16 | 'No está en el grupo Usuarios de Escritorio remoto'
            rdp-users               | auth.not-in-rdp-users-group | 16 | '他不在遠端桌面使用者群組'
            cant-connect            | net.port-blocked            | 1  | 'このコンピューターはリモート コンピューターに接続できません。接続を再試行してください。'
            cant-connect            | net.port-blocked            | 1  | 'Cet ordinateur ne peut pas se connecter à l''ordinateur distant. Réessayez de vous connecter.'
            cant-connect            | net.port-blocked            | 1  | 'Cet ordinateur ne peut pas se connecter à l’ordinateur distant.'
            cant-connect            | net.port-blocked            | 1  | 'Este equipo no se puede conectar al equipo remoto. Intente conectarse de nuevo.'
            cant-connect            | net.port-blocked            | 1  | 'Este computador não pode se conectar ao computador remoto.'
            cant-connect            | net.port-blocked            | 1  | 'Il computer non è in grado di connettersi al computer remoto.'
            nla                     | nla.mismatch                | 9  | 'Autoriser uniquement les connexions avec authentification au niveau du réseau'
            nla                     | nla.mismatch                | 9  | 'La autenticación de nivel de red está activada'
            nla                     | nla.mismatch                | 9  | 'Autenticação em nível de rede ativada no servidor'
            nla                     | nla.mismatch                | 9  | 'autenticazione a livello di rete attiva'
            dc-uncontacted          | nla.dc-unreachable          | 10 | '但无法联系 Windows 域控制器来执行 NLA。'
            dc-uncontacted          | nla.dc-unreachable          | 10 | '但無法連絡您的 Windows 域控制器來執行 NLA。'
            dc-uncontacted          | nla.dc-unreachable          | 10 | 'Windows ドメイン コントローラーに接続して NLA を実行することはできません。'
            dc-uncontacted          | nla.dc-unreachable          | 10 | 'ihr Windows-Domänencontroller kann jedoch nicht kontaktiert werden, um NLA auszuführen.'
            dc-uncontacted          | nla.dc-unreachable          | 10 | 'mais votre contrôleur de domaine Windows ne peut pas être contacté pour effectuer la NLA.'
            dc-uncontacted          | nla.dc-unreachable          | 10 | 'pero no se puede contactar con el controlador de dominio de Windows para realizar NLA.'
            dc-uncontacted          | nla.dc-unreachable          | 10 | 'mas o controlador de domínio do Windows não pode ser contatado para executar o NLA.'
            dc-uncontacted          | nla.dc-unreachable          | 10 | 'ma il controller di dominio Windows non può essere contattato per eseguire NLA.'
            lsa                     | nla.dc-unreachable          | 10 | 'Si è verificato un errore di autenticazione. Impossibile contattare l''autorità di sicurezza locale.'
            account-restriction-msg | auth.account-restriction    | 8  | 'ユーザー アカウントの制限 (たとえば時間帯の制限) により、ログオンできません。'
            account-restriction-msg | auth.account-restriction    | 8  | 'ユーザーアカウントの制限によりログオンできません'
            account-device-restricted | auth.not-in-rdp-users-group | 8 | 'サインインすると「このデバイスを使用できないようにアカウントが構成されています」と表示されます'
            """)
    void eachLocalisedFragmentRaisesTheEnglishFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            nla.mismatch | '你尝试连接到的远程计算机需要网络级别身份验证 (NLA)。'
            nla.mismatch | '接続しようとしているリモート コンピューターにはネットワーク レベル認証 (NLA) が必要です。'
            nla.mismatch | 'リモート コンピューターにはネットワーク レベル認証（ＮＬＡ）が必要です。'
            nla.mismatch | 'Der Remotecomputer erfordert eine Authentifizierung auf Netzwerkebene (NLA).'
            nla.mismatch | 'L''ordinateur distant nécessite une authentification au niveau du réseau (NLA).'
            nla.mismatch | 'El equipo remoto requiere autenticación de nivel de red (NLA).'
            nla.mismatch | 'O computador remoto requer autenticação em nível de rede (NLA).'
            nla.mismatch | 'Il computer remoto richiede l''autenticazione a livello di rete (NLA).'
            """)
    void theLocalisedNlaRequiredDialogNamesTheMismatch(String cause, String message) {
        assertThat(Fire.pairs(fire.text(message))).as(message).anySatisfy(pair -> {
            assertThat((String) pair.toList().get(0)).endsWith("(nla-required -> nla.mismatch)");
            assertThat(pair.toList().get(1)).isEqualTo(cause);
        });
    }

    /** The NLA dialog that also says the domain controller cannot be contacted is the DC case in every language. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '你尝试连接到的远程计算机需要网络级别身份验证 (NLA)，但无法联系 Windows 域控制器来执行 NLA。'
            '接続しようとしているリモート コンピューターにはネットワーク レベル認証 (NLA) が必要ですが、Windows ドメイン コントローラーに接続して NLA を実行することはできません。'
            'Der Remotecomputer erfordert eine Authentifizierung auf Netzwerkebene (NLA), aber Ihr Windows-Domänencontroller kann nicht kontaktiert werden.'
            'El equipo remoto requiere autenticación de nivel de red (NLA), pero no se puede contactar con el controlador de dominio de Windows para realizar NLA.'
            """)
    void theLocalisedNlaDialogWithAnUnreachableDomainControllerIsTheDcCase(String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo("nla.dc-unreachable");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            auth.not-in-rdp-users-group | '远程桌面连接提示：要远程登录，你需要具有通过远程桌面服务进行登录的权限。默认情况下，远程桌面用户组的成员有这项权限。'
            auth.not-in-rdp-users-group | 'Windows 虚拟桌面报错：此用户不是远程桌面用户组的成员'
            auth.account-restriction    | 'リモート デスクトップ接続: ユーザー アカウントの制限 (たとえば時間帯の制限) により、ログオンできません。'
            """)
    void aWholeLocalisedDialogLeadsToItsCause(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @Test
    void aChineseFragmentMatchesInsideASentenceWithNoSpacesAroundIt() {
        assertThat(Fire.said(fire.text("登录失败因为必须被授予通过远程桌面服务登录的权限所以不行")))
                .anySatisfy(said -> assertThat((String) said.toList().get(0))
                        .endsWith("(rdp-users -> auth.not-in-rdp-users-group)"));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
