package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.internal.pack.PhraseFamily;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dialog families that {@link LocalisedDialogWordingTest} left out (licensing, the internal error, CredSSP, the
 * connection limit, the restricted logon type, the 0x204 reasons, the Terminal Server security error) and Korean and
 * Russian for the core ones, as Microsoft's localised Learn editions quote them (issue 13, branch l10n2). Every
 * localisation joins the English family of the same message, so it must raise that family's row; the table in
 * {@code l10n/localised-catalogue.tsv} holds one row per added phrase with the sentence the page quotes, and the
 * phrase itself must still be in the family: dropping any one string fails here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalisedCatalogueWordingTest {
    private static final String TABLE = "/l10n/localised-catalogue.tsv";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();
    private final Map<String, PhraseFamily> families = Packs.bundled().stream()
            .filter(pack -> pack.id().equals("rdp")).findFirst().orElseThrow().phrases().stream()
            .filter(f -> f.family().equals("text"))
            .collect(Collectors.toMap(PhraseFamily::id, Function.identity()));

    /** One added localisation: the English family it joins, the row that family raises, and what the page quotes. */
    record Row(String family, String cause, int weight, String locale, String phrase, String message) {
        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException("expected 6 tab-separated fields: " + line);
            }
            return new Row(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], f[5]);
        }

        @Override
        public String toString() {
            return family + " [" + locale + "] " + phrase;
        }
    }

    List<Row> rows() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(TABLE)) {
            assertThat(in).as(TABLE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(Row::parse).toList();
        }
    }

    @Test
    void theTableCoversEveryFamilyItNames() throws IOException {
        assertThat(rows()).hasSizeGreaterThanOrEqualTo(150)
                .extracting(Row::family).allSatisfy(family -> assertThat(families).containsKey(family));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachLocalisationIsStillInItsEnglishFamily(Row row) {
        // The catalogue quotes the typographic apostrophe the vendor prints; the pack writes the ASCII one, which
        // PhraseMatcher folds it to.
        String phrase = row.phrase().replace('\u2019', '\'');
        assertThat(families.get(row.family()).phrases()).as(row.family()).contains(phrase);
        assertThat(row.message().toLowerCase(Locale.ROOT).replace('，', ',').replace('：', ':').replace('\u2019', '\''))
                .as("the quoted message contains the phrase").contains(phrase.replace('，', ','));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachLocalisedMessageRaisesTheEnglishFamilysRow(Row row) {
        fire.assertRaisesRow(row.family(), row.cause(), row.weight(), row.message());
    }

    /** The English original of each extended family raises the same row the localisations are held to. */
    @ParameterizedTest(name = "{0} -> {1}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            license-server-none    | license.no-server            | 12 | 'The remote session was disconnected because there are no Remote Desktop License Servers available to provide a license.'
            license-cal-none       | license.grace-expired        | 10 | 'The remote session was disconnected because there are no Remote Desktop client access licenses available for this computer.'
            grace                  | license.grace-expired        | 10 | 'The grace period for the Remote Desktop Session Host server has expired'
            internal-error         | cert.private-key-permission  | 6  | 'An internal error has occurred.'
            lsa                    | nla.dc-unreachable           | 10 | 'An authentication error has occurred. The Local Security Authority cannot be contacted.'
            nla                    | nla.mismatch                 | 9  | 'Disable Network Level Authentication'
            nla-required           | nla.mismatch                 | 12 | 'The remote computer that you are trying to connect to requires Network Level Authentication (NLA).'
            dc-uncontacted         | nla.dc-unreachable           | 10 | 'but your Windows domain controller cannot be contacted to perform NLA.'
            cant-connect           | net.port-blocked             | 1  | 'This computer can''t connect to the remote computer. Try connecting again.'
            generic-unreachable    | net.port-blocked             | 5  | 'Remote Desktop can''t connect to the remote computer for one of these reasons:'
            cant-find-computer     | net.dns-wrong                | 12 | 'Remote Desktop can''t find the computer "name".'
            bad-password           | auth.bad-credentials         | 4  | 'Windows Security error: Your credentials did not work.'
            credssp-oracle         | credssp.oracle-remediation   | 16 | 'This could be due to CredSSP encryption oracle remediation.'
            logon-type-restricted  | auth.not-in-rdp-users-group  | 14 | 'The system administrator has restricted the type of logon (network or interactive) that you may use.'
            max-connections        | server.max-connections       | 10 | 'The task you are trying to do can''t be completed because Remote Desktop Services is currently busy.'
            security-error-connect | cert.machinekeys-corrupt     | 4  | 'Because of a security error, the client could not connect to the Terminal server.'
            """)
    void theEnglishOriginalRaisesTheSameRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    /** A whole localised dialog, pasted alone, is diagnosed as its English original is. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            'The remote session was disconnected because there are no Remote Desktop License Servers available to provide a license.' | 'ライセンスを提供するためのリモート デスクトップ ライセンス サーバーがないため、リモート セッションは切断されました。'
            'The remote session was disconnected because there are no Remote Desktop License Servers available to provide a license.' | '라이선스를 제공할 수 있는 원격 데스크톱 라이선스 서버가 없으므로 원격 세션이 끊겼습니다.'
            'The remote session was disconnected because there are no Remote Desktop License Servers available to provide a license.' | '遠端工作階段已中斷連線，因為沒有可用的遠端桌面授權伺服器可提供授權。'
            'The remote session was disconnected because there are no Remote Desktop License Servers available to provide a license.' | 'La session distante a été déconnectée, car aucun serveur de licences Bureau à distance n’est disponible pour fournir une licence.'
            'The remote session was disconnected because there are no Remote Desktop client access licenses available for this computer.' | 'このコンピューターで利用できるリモート デスクトップ クライアント アクセス ライセンスがないため、リモート セッションは切断されました。'
            'The remote session was disconnected because there are no Remote Desktop client access licenses available for this computer.' | '由于此计算机没有可用的远程桌面客户端访问许可证，远程会话已断开连接。'
            'An authentication error has occurred. The Local Security Authority cannot be contacted.' | '인증 오류가 발생했습니다. 로컬 보안 기관에 연결할 수 없습니다.'
            'The remote computer that you are trying to connect to requires Network Level Authentication (NLA), but your Windows domain controller cannot be contacted to perform NLA.' | 'Для удаленного компьютера, к которому вы пытаетесь подключиться, требуется проверка подлинности на уровне сети (NLA), но не удается связаться с контроллером домена Windows для выполнения NLA.'
            'The remote computer that you are trying to connect to requires Network Level Authentication (NLA), but your Windows domain controller cannot be contacted to perform NLA.' | '연결하려는 원격 컴퓨터에 NLA(네트워크 수준 인증)이 필요하지만, Windows 도메인 컨트롤러에 연결하여 NLA를 수행할 수가 없습니다.'
            'An authentication error has occurred. The function requested is not supported.' | 'Se ha producido un error de autenticación. No se admite la función solicitada.'
            'An authentication error has occurred. The function requested is not supported. This could be due to CredSSP encryption oracle remediation.' | 'Si è verificato un errore di autenticazione. La funzione richiesta non è supportata. Ciò potrebbe dipendere dalla correzione oracolo di crittografia CredSSP'
            'The system administrator has restricted the type of logon (network or interactive) that you may use.' | 'L’administrateur système a restreint le type de connexion (réseau ou interactive) que vous pouvez utiliser.'
            'The system administrator has restricted the type of logon (network or interactive) that you may use.' | '系統管理員已限制您可以使用的登入類型 (網路或互動式)。'
            'The task you are trying to do can''t be completed because Remote Desktop Services is currently busy.' | '無法完成您嘗試執行的工作，因為遠端桌面服務目前忙碌中。'
            'The task you are trying to do can''t be completed because Remote Desktop Services is currently busy.' | 'リモート デスクトップ サービスが現在ビジー状態のため、実行しようとしている操作を完了できません。'
            'Remote Desktop can''t connect to the remote computer for one of these reasons: 1) Remote access to the server is not enabled 2) The remote computer is turned off 3) The remote computer is not available on the network' | '다음 이유 중 하나로 인해 원격 데스크톱에서 원격 컴퓨터에 연결할 수 없습니다. 1. 서버에 대한 원격 액세스를 사용할 수 없음 2. 원격 컴퓨터가 꺼져 있음 3. 네트워크에서 원격 컴퓨터를 사용할 수 없음'
            'Remote Desktop can''t connect to the remote computer for one of these reasons: 1) Remote access to the server is not enabled 2) The remote computer is turned off 3) The remote computer is not available on the network' | 'Remotedesktop kann aus einem der folgenden Gründe keine Verbindung mit dem Remotecomputer herstellen: 1. Der Remotezugriff auf den Server ist nicht aktiviert. 2. Der Remotecomputer ist ausgeschaltet. 3. Der Remotecomputer ist im Netzwerk nicht verfügbar.'
            'Remote Desktop can''t find the computer "name".' | '遠端桌面找不到電腦「名稱」。'
            """)
    void aLocalisedDialogLeadsWhereItsEnglishOriginalLeads(String english, String localised) {
        assertThat(ranked(localised).get(0)).as(localised).isEqualTo(ranked(english).get(0));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
