package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Host down, port blocked and nothing listening told apart by mechanism (issue 13, branch reach): a refusal is the
 * host's own TCP stack answering; Winsock's and the resolvers' error texts by number and in their zh-CN system
 * messages; fDenyTSConnections written with its value; ping and the host firewall reported in Chinese and Japanese; a
 * host that answers ping with its own firewall off leaves the listener; a host silent on every port; and port tests
 * pasted from telnet and netcat read as the user's TCP tests. Hosts are made up; the messages are the vendors' texts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachabilityMechanismTest {
    private static final String VALUE_NAME_CHECKED = "mechanism: fDenyTSConnections named beside Remote Desktop stated"
            + " on is the checked setting, not a disabled one";
    private static final String LISTENER_LEFT = "mechanism: a host that answers ping with its own firewall off leaves"
            + " the listener: the service";
    private static final String TCP_TEST_FAILS = "user evidence: the user's TCP test fails: a firewall drops the port";
    private static final String TCP_TEST_CONNECTS = "user evidence: the user's TCP test connects, so the port is open"
            + " and the host is up";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            refused           | net.unreachable         | -6 | 'No connection could be made because the target machine actively refused it. (10061)'
            refused           | azure.nsg               | -4 | 'RDP to the VM: connect failed with error 10061'
            refused           | net.unreachable         | -6 | 'ConnectionRefusedError: [WinError 10061] 由于目标计算机积极拒绝，无法连接。'
            unreachable       | net.unreachable         | 10 | 'connect() failed with WSAEHOSTUNREACH'
            unreachable       | net.unreachable         | 10 | 'After the power cut the office PC never came back, RDP fails'
            connect-timeout   | net.port-blocked        | 6  | 'TimeoutError: [WinError 10060] 由于连接方在一段时间后没有正确答复或连接的主机没有反应，连接尝试失败。'
            dns-lookup-failed | net.dns-wrong           | 12 | 'getaddrinfo failed: 不知道这样的主机。'
            dns-lookup-failed | net.dns-wrong           | 12 | 'The lookup failed with WSANO_DATA'
            rdp-enabled       | server.rdp-disabled     | -5 | 'Remote Desktop is enabled on the PC and the firewall rule is on'
            rdp-enabled       | server.rdp-disabled     | -5 | 'RDPは有効化済み'
            rdp-denied-value  | server.rdp-disabled     | 6  | 'reg query shows fDenyTSConnections=1 under the Terminal Server key'
            ping-works        | net.unreachable         | -6 | 'サーバーへの pingは通る のに接続できない'
            ping-works        | net.unreachable         | -6 | '本地可以ping通服务器'
            ping-fails        | net.unreachable         | 5  | '服务器ping不通'
            firewall-ruled-out | net.port-blocked       | -5 | '防火墙已关闭，还是连不上'
            host-silent       | net.unreachable         | 6  | 'RDP times out and no other port on that server answers either'
            remmina-connect-failed | server.rdp-disabled | 3  | 'Remmina: Failed to connect to the RDP server "10.0.0.5".'
            cloud-instance-impaired | net.unreachable    | 8  | 'The EC2 console shows 1/2 checks passed: Instance reachability check failed'
            cloud-instance-impaired | net.port-blocked   | -3 | 'RDP fails and the instance status check failed'
            """)
    void eachFamilysTextRaisesItsRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void aRefusalIsTheHostAnsweringSoItIsNotDownOrBehindASecurityGroup() {
        String message = "Remote Desktop can't connect to the remote computer. Test from a Linux box: telnet: Unable to"
                + " connect to remote host: Connection refused";
        // The failed port test alone would rank the host as possibly down; the refusal takes that back.
        assertThat(ranked(message)).contains("server.termservice-down").doesNotContain("net.unreachable");
        assertThat(Fire.said(fire.text(message))).contains(
                tuple("text: a refused connection was answered by the host's own TCP stack, so the host is up and"
                        + " routed (refused lifts net.unreachable)", "net.unreachable", -6));
    }

    @Test
    void fDenyTSConnectionsWrittenWithZeroIsNotTheDisabledSetting() {
        String zero = "Remote Desktop can't connect. I checked the registry, fDenyTSConnections=0, and the service runs.";
        assertThat(Fire.said(fire.text(zero))).contains(tuple(VALUE_NAME_CHECKED, "server.rdp-disabled", -8));
        assertThat(ranked(zero)).doesNotContain("server.rdp-disabled");

        String one = "Remote Desktop can't connect. I checked the registry, fDenyTSConnections=1.";
        assertThat(Fire.pairs(fire.text(one))).doesNotContain(tuple(VALUE_NAME_CHECKED, "server.rdp-disabled"));
        assertThat(ranked(one).get(0)).isEqualTo("server.rdp-disabled");
    }

    @Test
    void aHostThatAnswersPingWithItsFirewallOffLeavesTheListener() {
        String message = "I can ping the machine, the firewall is off and Remote Desktop is enabled, but RDP does not"
                + " connect.";
        assertThat(Fire.said(fire.text(message))).contains(tuple(LISTENER_LEFT, "server.termservice-down", 4));
        assertThat(ranked(message).get(0)).isEqualTo("server.termservice-down");

        assertThat(Fire.pairs(fire.text("I can ping the machine but RDP does not connect.")))
                .doesNotContain(tuple(LISTENER_LEFT, "server.termservice-down"));
    }

    @Test
    void anAzureVmSilentOnEveryPortIsTheGuestNotARuleForRdp() {
        String message = "I cannot RDP to my Azure VM, and no other port on the VM answers either.";
        assertThat(ranked(message).get(0)).isEqualTo("azure.vm-agent-or-boot");
    }

    @Test
    void windowsTelnetsFailureIsTheUsersFailedTcpTest() {
        String message = "telnet rds01 3389\nConnecting To rds01...Could not open connection to the host, on port"
                + " 3389: Connect failed";
        assertThat(Fire.pairs(fire.text(message))).contains(tuple(TCP_TEST_FAILS, "net.port-blocked"));
    }

    @Test
    void netcatReachingThePortClearsTheReachabilityCauses() {
        String message = "mstsc fails with an internal error.\nConnection to 10.0.0.7 3389 port [tcp/ms-wbt-server]"
                + " succeeded!";
        assertThat(Fire.said(fire.text(message))).contains(tuple(TCP_TEST_CONNECTS, "net.port-blocked", -10),
                tuple(TCP_TEST_CONNECTS, "server.termservice-down", -10));
    }

    @Test
    void theWindowsAppsWordingOf0x204ReadsLikeMstscs() {
        String app = "We couldn't connect to the remote PC. Make sure the PC is turned on and connected to the network,"
                + " and that remote access is enabled.";
        String mstsc = "Remote Desktop can't connect to the remote computer for one of these reasons: 1) Remote access"
                + " to the server is not enabled 2) The remote computer is turned off 3) The remote computer is not"
                + " available on the network";
        assertThat(ranked(app)).isEqualTo(ranked(mstsc));
        fire.assertRaisesRow("generic-unreachable", "net.port-blocked", 5, app);
    }

    @Test
    void remoteDesktopTurnedOffIsTheSettingNotTheComputer() {
        String message = "After the hardening script Remote Desktop was turned off on every PC.";
        assertThat(Fire.said(fire.text(message))).contains(tuple("mechanism: Remote Desktop turned off is the"
                + " setting, not the computer turned off", "net.unreachable", -10));
        assertThat(ranked(message)).startsWith("server.rdp-disabled").doesNotContain("net.unreachable");

        assertThat(ranked("The computer was turned off over the weekend and RDP fails").get(0))
                .isEqualTo("net.unreachable");
    }

    @Test
    void afterWhereItRunsThePlannerAsksWhetherTheHostAnswersAnythingElse() {
        String dialog = "Remote Desktop can't connect to the remote computer for one of these reasons: 1) Remote access"
                + " to the server is not enabled 2) The remote computer is turned off 3) The remote computer is not"
                + " available on the network. Error code: 0x204";
        // Session 9 added the server's own listener check and the port test, which split the 0x204 dialog's causes
        // further and may come first; whether the host answers anything else stays among the next questions.
        assertThat(questions(dialog, Map.of("environment", "on-premises"))).contains("host-answers");
        assertThat(questions(dialog + " I can ping it.", Map.of("environment", "on-premises")))
                .as("the paste already says the host answers ping").doesNotContain("host-answers");
    }

    @Test
    void theHostAnsweringRulesOutAHostThatIsDown() {
        assertThat(Fire.said(fire.answers(Map.of("host-answers", "yes")))).contains(
                tuple("answers: the host answers, so it is up and routed", "net.unreachable", -8),
                tuple("answers: a VM that answers has booted and its network works", "azure.vm-agent-or-boot", -4));
        assertThat(Fire.said(fire.answers(Map.of("host-answers", "no")))).contains(
                tuple("answers: nothing answers, as from a host that is down or unrouted", "net.unreachable", 4));
    }

    @Test
    void freeRdpsFailedTcpConnectNamesRemoteDesktopOffAsMstscs0x204Does() {
        assertThat(Fire.said(fire.codes(Fire.errconnect("ERRCONNECT_CONNECT_FAILED")))).contains(tuple("codes: FreeRDP"
                + " could not open TCP, as mstsc's 0x204: Remote Desktop may be off (issue 13, branch reach)",
                "server.rdp-disabled", 3));
    }

    @Test
    void aCaptureTellsADroppedSynFromAReset() {
        String dropped = "tcpdump: 10.0.0.2.43094 > 10.0.0.5.3389: Flags [S], seq 1, win 64240\n"
                + "10.0.0.2.43094 > 10.0.0.5.3389: Flags [S], seq 1, win 64240";
        assertThat(Fire.said(fire.text(dropped))).contains(
                tuple("mechanism: a capture with unanswered SYNs: a firewall drops them", "net.port-blocked", 8));
        assertThat(ranked(dropped).get(0)).isEqualTo("net.port-blocked");

        String reset = dropped + "\n10.0.0.5.3389 > 10.0.0.2.43094: Flags [R.], seq 0, ack 2";
        assertThat(Fire.pairs(fire.text(reset))).doesNotContain(
                tuple("mechanism: a capture with unanswered SYNs: a firewall drops them", "net.port-blocked"));
        assertThat(ranked(reset)).contains("server.termservice-down").doesNotContain("net.unreachable");

        String answered = dropped + "\n10.0.0.5.3389 > 10.0.0.2.43094: Flags [S.], seq 0, ack 2";
        assertThat(Fire.pairs(fire.text(answered))).extracting(t -> (String) t.toList().get(0))
                .noneMatch(rule -> rule.startsWith("mechanism: a capture"));
    }

    private List<String> questions(String text, Map<String, String> answers) {
        CaseFacts facts = new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(), Optional.empty());
        return diagnoser.diagnose(facts).questions().stream().map(Question::id).toList();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
