package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bastions and web gateways that wrap the target's error in their own words (issue 13): guacd's fixed line for each
 * FreeRDP error (guacamole-server src/protocols/rdp/error.c) and JumpServer Lion's translations of it, IAP Desktop's
 * tunnel texts, tp4a Teleport's own messages and WALLIX Bastion's RDP proxy (redemption's translation keys). A wrapped error must lead with the mechanism it reports, never with
 * the bastion's configuration; only a text about the bastion's own component leads with gateway.bastion-config. The
 * messages are the vendors' texts with made-up hosts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BastionWordingTest {
    private static final String BASTION = "gateway.bastion-config";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            auth.bad-credentials           | guacd[1204]: RDP server closed/refused connection: Authentication failure (invalid credentials?)
            auth.bad-credentials           | JumpServer 连接异常: 远程连接的认证失败
            auth.account-locked-or-expired | guacd[88]: RDP server closed/refused connection: Credentials expired.
            auth.account-locked-or-expired | 堡垒机提示：遠程連接的憑證過期
            auth.not-in-rdp-users-group    | Guacamole: RDP server closed/refused connection: Insufficient privileges.
            auth.not-in-rdp-users-group    | JumpServer web RDP: 远程连接的用户权限不足
            net.dns-wrong                  | guacd: RDP server closed/refused connection: DNS lookup failed (incorrect hostname?)
            net.dns-wrong                  | 远程连接的 DNS 查询失败
            tls.version-mismatch           | guacd: RDP server closed/refused connection: SSL/TLS connection failed (untrusted/self-signed certificate?)
            net.unreachable                | guacd[9]: RDP server closed/refused connection: Connection failed (server unreachable?)
            server.max-connections         | Guacamole: RDP server closed/refused connection: Disconnected by other connection.
            net.port-blocked               | IAP Desktop: Connecting to the instance failed. Make sure that you have configured your firewall rules to permit IAP-TCP access to port 3389 of win-07
            nla.mismatch                   | JumpServer Lion: Security negotiation failed (wrong security type?)
            nla.mismatch                   | WALLIX Bastion: Fail during TLS security exchange. Enable NLA is probably required.
            server.legacy-security-layer   | WALLIX Bastion: Can't activate SSL. RDP Legacy only not allowed
            auth.bad-credentials           | WALLIX Bastion: Failed to authenticate with remote RDP host.
            auth.not-in-rdp-users-group    | WALLIX Bastion: Remote access may be denied for the user account.
            client.stale-cert-fingerprint  | WALLIX Bastion: TLS certificate changed. The certificate presented by the target doesn't match the certificate fingerprint stored in the Bastion for this target.
            """)
    void aWrappedErrorLeadsWithTheMechanismItReports(String cause, String message) {
        List<String> ranked = ranked(message);

        assertThat(ranked.get(0)).as(message).isEqualTo(cause);
        assertThat(ranked.indexOf(BASTION)).as(message).isNotZero();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            auth.account-locked-or-expired | auth.not-in-rdp-users-group | guacd: RDP server closed/refused connection: Access denied by server (account locked/disabled?)
            net.unreachable                | net.port-blocked            | guacd: RDP server closed/refused connection: Connection failed (server unreachable?)
            auth.bad-credentials           | auth.username-format        | Next Terminal 远程连接的认证失败
            net.unreachable                | net.port-blocked            | WALLIX Bastion: Failed to connect to remote host.
            """)
    void anAmbiguousWrappedErrorKeepsBothMechanismsInTheTopThree(String first, String second, String message) {
        List<String> ranked = ranked(message);

        assertThat(ranked.subList(0, Math.min(3, ranked.size()))).as(message).contains(first, second)
                .doesNotContain(BASTION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            JumpServer: 网关连接失败
            JumpServer Lion: Connect guacamole server failed
            远程连接请求失败，可能teleport核心服务尚未启动！
            无法连接到teleport助手，可能尚未启动！
            IAP Desktop: You do not have sufficient access to connect to this VM instance. To connect to this VM, you need the 'IAP-secured Tunnel User' role (or an equivalent custom role).
            WALLIX Bastion: TLS certificate is not trusted. The certificate presented by the target is not signed by a trusted Root CA Certificate.
            WALLIX Bastion: No authentifier available.
            Establishing an IAP-TCP tunnel failed because the server denied access. If you are using a proxy server, make sure that the proxy server allows WebSocket connections.
            """)
    void aTextAboutTheBastionsOwnComponentLeadsWithItsConfiguration(String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(BASTION);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            gw-auth-failed             | auth.bad-credentials           | 5  | 'Authentication failure (invalid credentials?)'
            gw-auth-failed             | auth.username-format           | 4  | '遠程連接的認證失敗'
            gw-access-denied           | auth.not-in-rdp-users-group    | 7  | '远程连接的访问被拒绝'
            gw-access-denied           | auth.account-locked-or-expired | 6  | 'Access denied by server (account locked/disabled?)'
            gw-credentials-expired     | auth.account-locked-or-expired | 12 | '远程连接的凭证过期'
            gw-insufficient-privileges | auth.not-in-rdp-users-group    | 12 | '遠程連接的用戶權限不足'
            gw-tls-failed              | tls.version-mismatch           | 7  | '远程连接的 SSL/TLS 连接失败'
            gw-tls-failed              | gateway.bastion-config         | 3  | 'SSL/TLS connection failed (untrusted/self-signed certificate?)'
            gw-dns-failed              | net.dns-wrong                  | 12 | '遠程連接的 DNS 查詢失敗'
            gw-connect-failed          | net.port-blocked               | 5  | 'Connection failed (server unreachable?)'
            gw-session-conflict        | server.max-connections         | 10 | '远程连接被其他连接断开'
            gw-iap-firewall            | net.port-blocked               | 10 | 'The server could not connect to the backend: 4003'
            gw-bastion-own             | gateway.bastion-config         | 14 | '網關連接失敗'
            """)
    void catalogueTextRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void guacdsClosedRefusedPrefixBeforeANamedErrorIsTakenBack() {
        String message = "guacd[3]: RDP server closed/refused connection: Authentication failure (invalid credentials?)";

        assertThat(Fire.pairs(fire.text(message))).contains(
                tuple("mechanism: guacd's 'closed/refused' prefix before a named error is no refused port",
                        "server.termservice-down"),
                tuple("mechanism: guacd's 'closed/refused' prefix before a named error is no unreachable host",
                        "net.port-blocked"));
    }

    @Test
    void aBastionNamedBesideItsOwnComponentKeepsItsConfiguration() {
        String message = "JumpServer: 网关连接失败, then 远程连接的认证失败";

        assertThat(Fire.pairs(fire.text(message)))
                .doesNotContain(tuple("mechanism: a bastion that relays the target's error reached the target", BASTION));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
