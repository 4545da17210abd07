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
 * The register of cloud vendors' FAQs (issue 13, branch register2): they quote mstsc's own dialogs in English and in
 * Simplified Chinese and name the checks in their own words. The texts here are built from Microsoft's catalogues:
 * the Remote Desktop Web Connection scripts (en/zh-CN disconnect messages), ERROR_CTX_WINSTATION_BUSY, the zh-CN 0x204
 * dialog, the zh-CN name of the Encryption Oracle Remediation policy, KB 329896's certificate registry values, the
 * Remote Desktop certificate store's registry key, and single sign-on that carries stale credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudFaqRegisterWordingTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            cert-registry-values      | cert.machinekeys-corrupt   | 10 | 'We deleted the X509 Certificate ID value under HKLM\\SYSTEM\\CurrentControlSet\\Services\\TermService\\Parameters'
            protocol-error-connect    | cert.machinekeys-corrupt   | 6  | 'Because of a protocol error, this session will be disconnected. Please try connecting to the remote computer again.'
            protocol-error-connect    | cert.machinekeys-corrupt   | 6  | '由于协议错误，这个会话将被中断。请重新连接到远程计算机。'
            protocol-error-connect    | cert.machinekeys-corrupt   | 6  | '由于一个协议错误，客户端无法连接到远程计算机。'
            max-connections           | server.max-connections     | 10 | '连接时提示：远程桌面服务当前正忙，请在几分钟后重试。'
            max-connections           | server.max-connections     | 10 | '客户端无法建立跟远程计算机的连接。可能的原因是: 2) 已超出远程计算机上的连接最大数。'
            max-connections           | server.max-connections     | 10 | 'The maximum number of connections was exceeded at the remote computer.'
            max-connections           | server.max-connections     | 10 | '服务器的 3389 端口正在被暴力破解'
            generic-unreachable       | net.port-blocked           | 5  | '由于以下原因之一，远程桌面无法连接到远程计算机：1) 未启用服务器的远程访问 2) 远程计算机已关闭 3) 远程计算机在网络中不可用'
            generic-unreachable       | net.unreachable            | 4  | 'Remote connections might not be enabled or the computer might be too busy to accept new connections.'
            credssp-oracle-l10n       | credssp.oracle-remediation | 16 | '这可能是由于 CredSSP 加密数据库修正。'
            firewall                  | net.port-blocked           | 1  | '已检查安全组的入站规则'
            cert-registry-acl         | cert.private-key-permission | 8 | 'Remote Desktop Users had no Read on HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\Remote Desktop\\Certificates'
            single-sign-on            | client.cached-credentials  | 6  | 'With single sign-on through RD Web the password I changed yesterday is rejected'
            """)
    void eachCatalogueTextRaisesItsRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            credssp.oracle-remediation | 出现身份验证错误。要求的函数不受支持。这可能是由于 CredSSP 加密数据库修正。
            server.max-connections     | 因为远程桌面服务当前正忙，所以无法完成该任务。
            cert.machinekeys-corrupt   | Because of a security error, the client could not connect. We removed the X509 Certificate values under TermService\\Parameters.
            """)
    void catalogueTextLeadsToItsCause(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @Test
    void theTermServiceRegistryPathIsNotTheServiceNamedAsStopped() {
        assertThat(Fire.said(fire.text("We exported HKLM\\SYSTEM\\CurrentControlSet\\Services\\TermService\\Parameters")))
                .contains(tuple("text: 'TermService' here is the registry path of the certificate values"
                        + " (TermService\\Parameters), not the service named as stopped (cert-registry-values lifts"
                        + " server.termservice-down)", "server.termservice-down", -8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '无法远程登录腾讯云 CVM 实例'
            '阿里云 ECS 上的 Windows Server 远程桌面连接失败'
            'RDP to my Open Telekom Cloud ECS fails'
            """)
    void aChineseCloudsProductNameIsAnotherCloud(String message) {
        assertThat(Fire.said(fire.text(message))).as(message).contains(tuple(
                "environment: a cloud VM sits behind a security group", "net.port-blocked", 3));
    }

    @Test
    void aSecurityGroupSaidToAllowThePortTakesTheBlockingWeightBack() {
        assertThat(Fire.said(fire.text("安全组已放通 TCP 3389 端口"))).contains(tuple(
                "text: the host firewall is stated to allow Remote Desktop (firewall-allows lifts net.port-blocked)",
                "net.port-blocked", -4));
    }

    @Test
    void theInSessionGraphicsFailureWithItsCodeStaysWithTheDisplayDriver() {
        String message = "Because of a protocol error (code: 0x112f), the remote session will be disconnected.";

        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .noneMatch(rule -> rule.contains("protocol-error-connect"));
        assertThat(ranked(message).get(0)).isEqualTo("session.display-driver");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
