package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue phrase families of issue 13 item 4: each message below is a vendor's own text (Remmina's RDP plugin
 * and its translations, Apache Guacamole's client translations, Microsoft's and Google's troubleshooting pages,
 * Winsock's message table), written out with a made-up host, and must raise its family's row of {@code signals.tsv}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueWordingTest {
    private final Fire fire = new Fire();

    static Stream<Arguments> messages() {
        return Stream.of(
                row("account-state-l10n", "auth.account-locked-or-expired", 14,
                        "RDP サーバー “srv01” にアクセスできませんでした。\nアカウントがロックアウトされました。"),
                row("account-state-l10n", "auth.account-locked-or-expired", 14,
                        "Não foi possível acessar o servidor RDP “srv01”.\nA senha expirou."),
                row("rdp-users-l10n", "auth.not-in-rdp-users-group", 16,
                        "Zugriff auf RDP-Server „srv01“ fehlgeschlagen.\n"
                                + "Der Benutzer hat unzureichende Berechtigungen."),
                row("rdp-users-l10n", "auth.not-in-rdp-users-group", 16,
                        "このユーザー アカウントはリモート ログインを許可されていないため、接続は拒否されました。"),
                row("account-restricted-l10n", "client.cached-credentials", 8,
                        "Could not access the RDP server “srv01”.\nAccount restricted."),
                row("remmina-dns", "net.dns-wrong", 12, "No se pudo encontrar la dirección del servidor RDP «srv01»."),
                row("remmina-tls", "tls.version-mismatch", 9, "Could not connect to the RDP server “srv01” via TLS."
                        + " See the DEBUG traces from a terminal for more information."),
                row("remmina-nego", "nla.mismatch", 9, "Unable to establish a connection to the RDP server “srv01”."
                        + " Check “Security protocol negotiation”."),
                row("remmina-connect-failed", "net.port-blocked", 6, "未能连接到 RDP 服务器 “srv01”。"),
                row("server-denied", "cert.private-key-permission", 5, "The “srv01” server refused the connection."),
                // Guacamole's UPSTREAM_UNAVAILABLE (ERROR_CLIENT_208) in English and Chinese: the status's family, not the
                // NLA wording family, which held both until session 13.
                row("guac-unavailable-l10n", "nla.mismatch", 9, "The remote desktop server is currently unavailable."
                        + " If the problem persists, please notify your system administrator, or check your system logs."),
                row("guac-unavailable-l10n", "nla.mismatch", 9, "远程桌面服务器不在线。如果问题持续，请通知您的系统管理员或检查您的系统日志。"),
                row("guac-unavailable-l10n", "nla.mismatch", 9, "リモートデスクトップサーバーは現在利用できません。"
                        + "問題が解決しない場合、システム管理者に連絡するか、システムログを確認してください。"),
                row("guac-unreachable-l10n", "net.port-blocked", 5, "Der entfernte Computer ist gegenwärtig nicht"
                        + " erreichbar. Versuchen Sie die Aktion erneut oder kontaktieren Sie Ihren"
                        + " Systemadministrator."),
                row("guac-login-failed", "nla.mismatch", 5, "Log in failed. Please reconnect and try again."),
                row("guac-timeout", "net.unreachable", 6, "The remote desktop server is not responding."),
                row("guac-unreachable-l10n", "net.port-blocked", 5, "无法连接到远程桌面服务器（网络不可达 | 安全策略错误）"),
                row("guac-login-failed", "auth.bad-credentials", 5,
                        "User failed to logged in. (username and password are incorrect)"),
                row("lsa-l10n", "nla.dc-unreachable", 10, "接続しようとしているリモート コンピューターではネットワーク"
                        + " レベル認証 (NLA) が必要ですが、Windows ドメイン コントローラーに接続して NLA を実行することはできません。"),
                row("license-ja", "license.no-server", 10,
                        "リモート デスクトップ ライセンスに問題があり、セッションは 60 分後に切断されます。"),
                row("vm-boot-screen", "azure.vm-agent-or-boot", 10,
                        "The boot diagnostics screenshot shows \"Please wait for the Group Policy Client\"."),
                row("licensing-mode-unset", "license.no-server", 8, "Remote Desktop licensing mode is not"
                        + " configured. Remote Desktop Services will stop working in 23 days."),
                row("logon-type-restricted", "auth.not-in-rdp-users-group", 14, "Remote Desktop Connection: The"
                        + " system administrator has restricted the type of logon (network or interactive) that you may"
                        + " use."),
                row("ping-fails", "net.unreachable", 5, "Nothing answers, not even ping."),
                row("ping-works", "net.port-blocked", 3, "Ping works but RDP doesn't."),
                row("go-dial-timeout", "net.port-blocked", 6,
                        "tunnel error: dial tcp 10.1.2.3:3389: i/o timeout"),
                row("termservice-not-running", "server.termservice-down", 11,
                        "Event ID 7022: The Remote Desktop Services service hung on starting."),
                row("termservice-not-running", "server.termservice-down", 11,
                        "sc start TermService: [SC] StartService FAILED 1058: ERROR_SERVICE_DISABLED"),
                row("connect-timeout", "net.unreachable", 6, "A connection attempt failed because the connected party"
                        + " did not properly respond after a period of time, or established connection failed because"
                        + " connected host has failed to respond."),
                row("iap-backend", "net.port-blocked", 10,
                        "ERROR: (gcloud.compute.start-iap-tunnel) Error while connecting [4003: 'failed to connect to"
                                + " backend']."),
                row("credssp-oracle-l10n", "credssp.oracle-remediation", 16,
                        "認証エラーが発生しました。\n要求された関数はサポートされていません\n原因は CredSSP 暗号化オラクルの修復である可能性があります。"),
                row("generic-unreachable-ja", "net.port-blocked", 5,
                        "次のいずれかの理由により、リモート デスクトップはリモート コンピューターに接続できません"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("messages")
    void catalogueMessageRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void aServerThatDeniesTheConnectionIsNoRefusedPort() {
        assertThat(Fire.said(fire.text("The “srv01” server refused the connection."))).contains(tuple(
                "text: a server that denies the connection is listening (server-denied lifts server.termservice-down)",
                "server.termservice-down", -5));
    }

    @Test
    void remminasSecurityNegotiationMessageIsNotTheCantReachDialog() {
        assertThat(Fire.pairs(fire.text("Unable to establish a connection to RDP server srv01."))).doesNotContain(
                tuple("text: the can't-reach dialog usually means the port is not reachable"
                        + " (generic-unreachable -> net.port-blocked)", "net.port-blocked"));
    }

    @Test
    void aTimeOutWithoutAnAnswerWeighsAgainstAStoppedService() {
        assertThat(Fire.said(fire.text("xfreerdp: connect to srv01:3389 failed: Connection timed out"))).contains(tuple(
                "text: a stopped service on a running host refuses rather than stays silent"
                        + " (connect-timeout lifts server.termservice-down)", "server.termservice-down", -3));
    }

    @Test
    void aHostThatAnswersPingIsNotDown() {
        assertThat(Fire.said(fire.text("I can ping it, RDP times out"))).contains(tuple(
                "text: the host answers ping, so it is up (ping-works lifts net.unreachable)", "net.unreachable", -6));
    }
}
