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
 * Which layer answered the connection attempt (issue 13, session 9, branch reach, reach-layers.drl): a connection
 * accepted and then reset at once; failed logons by the second as a scan; the server's own listener check with an
 * empty result; a guest shown booted; the console; server-side detection names; and the three follow-up questions
 * that ask for these layers (port-test, rdp-service, console-works). Hosts are made up; the messages are the vendors'
 * texts or the users' ordinary wording of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachabilityLayersTest {
    private static final String ACCEPTED_THEN_RESET = "mechanism: the port accepted the connection and it was reset at"
            + " once: the server's security software";
    private static final String NO_IDLE_SESSION = "mechanism: the port accepted the connection and it was reset at"
            + " once: no idle session to time out";
    private static final String CLIENT_SIGNATURE = "mechanism: a reset right after the handshake that spares another"
            + " client is a signature on that client's traffic";
    private static final String SCAN = "mechanism: failed logons by the second or from strangers are a scan filling the"
            + " connection slots";
    private static final String CHECK_READ_ONCE = "mechanism: the listener check named beside its empty result is read"
            + " once, by its result";
    private static final String BOOT_TOOL = "mechanism: boot diagnostics showing a booted guest is the tool, not a boot"
            + " failure";
    private static final String PING_AND_REFUSAL = "mechanism: a host that answers ping and refuses the RDP port has a"
            + " passable firewall and no listener";
    private static final String DIALOG_0X204 = "Remote Desktop can't connect to the remote computer for one of these"
            + " reasons: 1) Remote access to the server is not enabled 2) The remote computer is turned off 3) The"
            + " remote computer is not available on the network. Error code: 0x204.";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            tcp-accepted             | net.port-blocked          | -5 | 'Test-NetConnection says TcpTestSucceeded : True, yet mstsc fails'
            tcp-accepted             | net.unreachable           | -6 | 'nmap shows 3389/tcp open ms-wbt-server but the client cannot log in'
            guest-booted             | azure.vm-agent-or-boot    | -8 | 'The screenshot shows the OS is fully loaded, RDP still fails'
            guest-booted             | net.port-blocked          | 4  | 'The VM is fully loaded at the Welcome screen but RDP times out'
            listener-check-empty     | net.port-changed          | 5  | 'netstat -ano | findstr 3389 returns nothing on the server'
            listener-check-empty     | net.port-blocked          | -8 | '在服务器上执行 netstat -ant | findstr 3389 不显示任何连接'
            console-works            | azure.vm-agent-or-boot    | -5 | 'RDP fails, but I logged in through the console and the VM looks fine'
            console-works            | net.unreachable           | -3 | '远程连接失败，通过 VNC 登录后系统正常'
            server-ids-detection     | server.av-ids-blocking    | 10 | 'The server log shows RDP/Exploit.CVE-2019-0708 blocked from my address'
            server-ids-detection     | server.av-ids-blocking    | 10 | 'Kaspersky Network Attack Blocker on the server keeps blocking us'
            connection-limit-setting | server.max-connections    | 8  | 'The terminal server has exceeded the maximum number of allowed connections.'
            connection-limit-setting | server.max-connections    | 8  | 'The GPO sets Limit number of connections to 2'
            rdp-off-setting          | server.rdp-disabled       | 6  | 'System Properties had Don''t allow remote connections to this computer selected'
            service-stays-stopped    | server.termservice-down   | 8  | 'The Remote Desktop Services service on Local Computer started and then stopped.'
            service-stays-stopped    | server.termservice-down   | 8  | 'the remote desktop service is always stopped, I cannot start it'
            server-restart-cures     | server.max-connections    | 4  | 'New RDP sessions fail until we reboot the server, then it works for a day'
            server-restart-cures     | net.port-blocked          | -3 | 'RDP times out; rebooting the server fixes it every time'
            """)
    void eachFamilysTextRaisesItsRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void aConnectionAcceptedAndResetAtOnceIsTheServerEndNotAnIdleTimeOut() {
        String message = "rdesktop 192.0.2.7\nConnection established using SSL.\nERROR: SSL_read: 5 (Connection reset"
                + " by peer)";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple(ACCEPTED_THEN_RESET, "server.av-ids-blocking", 4),
                tuple(NO_IDLE_SESSION, "net.idle-reset", -4));
        assertThat(ranked(message)).doesNotContain("net.unreachable", "net.port-blocked");

        // A reset alone can be an idle time-out or a flaky path: without the handshake it proves nothing more.
        assertThat(Fire.pairs(fire.text("ERROR: SSL_read: 5 (Connection reset by peer)")))
                .doesNotContain(tuple(ACCEPTED_THEN_RESET, "server.av-ids-blocking"));
    }

    @Test
    void theUsersOpenPortTestFollowedByAResetCountsAsAcceptedToo() {
        String message = "Test-NetConnection rds01 -Port 3389\nTcpTestSucceeded : True\nmstsc then says the connection"
                + " was reset by peer right away";
        assertThat(Fire.pairs(fire.text(message))).contains(tuple(ACCEPTED_THEN_RESET, "server.av-ids-blocking"));
    }

    @Test
    void aResetRightAfterTheHandshakeThatSparesAnotherClientIsASignatureOnThatClient() {
        String message = "rdesktop: Connection established using SSL. ERROR: SSL_read: 5 (Connection reset by peer)."
                + " It works fine with mstsc from the same PC.";
        assertThat(Fire.said(fire.text(message))).contains(tuple(CLIENT_SIGNATURE, "server.av-ids-blocking", 3));
        assertThat(top3(ranked(message))).contains("server.av-ids-blocking");
    }

    @Test
    void failedLogonsByTheSecondAreAScanNotTheUsersPassword() {
        String flood = "My Azure VM gives 'An internal error has occurred.' The Security log has event 4625 almost"
                + " every second, failure reason: Unknown user name or bad password.";
        assertThat(Fire.said(fire.text(flood))).contains(tuple(SCAN, "server.max-connections", 10));
        assertThat(ranked(flood).get(0)).isEqualTo("server.max-connections");

        String once = "My Azure VM gives 'An internal error has occurred.' The Security log has event 4625 with"
                + " failure reason: Unknown user name or bad password.";
        assertThat(Fire.pairs(fire.text(once))).doesNotContain(tuple(SCAN, "server.max-connections"));
    }

    @Test
    void anEmptyListenerCheckIsThreeListenerCausesAndNotAFirewall() {
        String message = "RDP to the cloud server fails. Through the VNC console: netstat -ano | findstr 3389 returns"
                + " nothing.";
        assertThat(Fire.said(fire.text(message))).contains(tuple(CHECK_READ_ONCE, "server.termservice-down", -12));
        assertThat(top3(ranked(message))).containsExactlyInAnyOrder("server.termservice-down", "net.port-changed",
                "server.rdp-disabled");

        // Naming the check without its result keeps the old reading of the command's name.
        assertThat(Fire.pairs(fire.text("I ran netstat on the server"))).doesNotContain(
                tuple(CHECK_READ_ONCE, "server.termservice-down"));
    }

    @Test
    void aGuestShownBootedInBootDiagnosticsIsNoBootFailure() {
        String message = "I cannot RDP to my Azure VM. From Boot diagnostics -> Screenshot, it shows that the operating"
                + " system is fully loaded at the Welcome screen (Ctrl+Alt+Del).";
        assertThat(Fire.said(fire.text(message))).contains(tuple(BOOT_TOOL, "azure.vm-agent-or-boot", -10));
        assertThat(ranked(message).get(0)).isNotEqualTo("azure.vm-agent-or-boot");
        assertThat(top3(ranked(message))).contains("net.port-blocked");

        String stuck = "I cannot RDP to my Azure VM. Boot diagnostics shows it stuck at Applying updates.";
        assertThat(ranked(stuck).get(0)).isEqualTo("azure.vm-agent-or-boot");
    }

    @Test
    void aHostThatAnswersPingAndRefusesThePortIsNotBehindADroppingFirewall() {
        String message = "I can ping the server, but mstsc fails and telnet says Connection refused.";
        // the take-back is the two firewall rows the pair fires: refused +1 and ping-works +3 (session 14, branch reach)
        assertThat(Fire.said(fire.text(message))).contains(tuple(PING_AND_REFUSAL, "net.port-blocked", -4));
        assertThat(ranked(message).get(0)).isNotEqualTo("net.port-blocked");
    }

    @Test
    void thePortTestsThreeOutcomesPointAtThreeLayers() {
        assertThat(rankedWith(DIALOG_0X204, Map.of("port-test", "timeout")).get(0)).isEqualTo("net.port-blocked");
        assertThat(top3(rankedWith(DIALOG_0X204, Map.of("port-test", "refused"))))
                .doesNotContain("net.unreachable", "net.port-blocked");
        assertThat(top3(rankedWith(DIALOG_0X204, Map.of("port-test", "open"))))
                .doesNotContain("net.unreachable", "net.port-blocked", "server.termservice-down",
                        "server.rdp-disabled");
    }

    @Test
    void theServersOwnListenerCheckSeparatesTheServiceFromThePath() {
        assertThat(rankedWith(DIALOG_0X204, Map.of("rdp-service", "stopped")).get(0))
                .isEqualTo("server.termservice-down");
        assertThat(top3(rankedWith(DIALOG_0X204, Map.of("rdp-service", "listening"))))
                .doesNotContain("server.termservice-down", "server.rdp-disabled");
        assertThat(top3(rankedWith(DIALOG_0X204, Map.of("rdp-service", "no-listener"))))
                .doesNotContain("net.port-blocked", "net.unreachable");
    }

    @Test
    void aConsoleThatTakesNoSignInPointsAtTheMachine() {
        assertThat(Fire.said(fire.answers(Map.of("console-works", "no")))).contains(
                tuple("answers: the console shows no working sign-in: the guest may not have booted",
                        "azure.vm-agent-or-boot", 5));
        assertThat(Fire.said(fire.answers(Map.of("console-works", "yes")))).contains(
                tuple("answers: the guest booted and takes a console sign-in", "azure.vm-agent-or-boot", -6));
    }

    @Test
    void theBare0x204DialogOnPremisesAsksForTheServersListenerCheck() {
        assertThat(questions(DIALOG_0X204, Map.of("environment", "on-premises"))).contains("rdp-service");
        assertThat(questions(DIALOG_0X204 + " netstat -ano | findstr 3389 returns nothing.",
                Map.of("environment", "on-premises")))
                .as("the paste already holds the listener check").doesNotContain("rdp-service");
    }

    @Test
    void qwinstaPastedFromTheServerTellsTheListenerUpFromMissing() {
        String missing = "mstsc gives error 0x204. On the server:\n"
                + " SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE\n"
                + " services                                    0  Disc\n"
                + ">console           Administrator             1  Active\n";
        assertThat(Fire.said(fire.text(missing))).contains(tuple("evidence: qwinsta lists no listening rdp-tcp: the"
                + " RDP listener is missing or down", "server.termservice-down", 10));
        assertThat(ranked(missing).get(0)).isEqualTo("server.termservice-down");

        String listening = missing + " rdp-tcp                                 65536  Listen\n";
        assertThat(Fire.said(fire.text(listening))).contains(tuple("evidence: qwinsta lists rdp-tcp listening: the"
                + " service and its listener run", "server.termservice-down", -10));
        assertThat(top3(ranked(listening))).doesNotContain("server.termservice-down");
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }

    private List<String> questions(String text, Map<String, String> answers) {
        CaseFacts facts = new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(), Optional.empty());
        return diagnoser.diagnose(facts).questions().stream().map(Question::id).toList();
    }

    private List<String> rankedWith(String text, Map<String, String> answers) {
        CaseFacts facts = new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(), Optional.empty());
        return diagnoser.diagnose(facts).causeIds();
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
