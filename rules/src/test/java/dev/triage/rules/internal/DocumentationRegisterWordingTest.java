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
 * The documentation register (issue 13, branch register): the words vendor troubleshooting documentation and the
 * admins who follow it use. Windows Firewall's built-in Remote Desktop rule names, the Service Control Manager's
 * event templates for TermService, netstat's empty or bound listener, a port held by another program, EC2 security
 * groups, and the Win32/SSPI/mstsc texts for logons switched off, NLA not offered, no common TLS algorithm, a session
 * taken over by another connection and an account not allowed on the device, and Windows Firewall's network profiles.
 * Hosts and addresses are made up; the rule names and messages are the vendors' texts. A bare "firewall" stays weak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentationRegisterWordingTest {
    private static final String NOT_BLOCKING = "mechanism: a firewall said not to block is not the blocking wording";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            firewall-blocks        | net.port-blocked        | 10 | 'The inbound rule Remote Desktop - User Mode (TCP-In) is disabled on the VM'
            firewall-blocks        | net.port-blocked        | 10 | 'The connection attempt times out because RDP is blocked by the Windows Firewall'
            firewall-cures         | net.port-blocked        | 12 | 'RDP works with the firewall off and fails again when I turn it on'
            termservice-scm        | server.termservice-down | 12 | 'The Remote Desktop Services service terminated unexpectedly. It has done this 3 time(s).'
            termservice-scm        | server.termservice-down | 12 | 'A timeout was reached (30000 milliseconds) while waiting for the Remote Desktop Services service to connect.'
            termservice-scm        | server.termservice-down | 12 | 'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.'
            nothing-listening      | server.termservice-down | 10 | 'netstat -ano on the server shows nothing listening on 3389'
            port-taken             | server.termservice-down | 9  | 'An internal error has occurred. Port 3389 is used by another application on the VM.'
            ec2-security-group     | net.port-blocked        | 8  | 'The security group for the instance has no inbound rule for RDP from my IP address'
            logons-disabled        | server.rdp-disabled     | 10 | 'Remote logins are currently disabled.'
            auth-not-enabled       | nla.mismatch            | 12 | 'The connection cannot proceed because authentication is not enabled and the remote computer requires that authentication be enabled to connect.'
            sec-algorithm-mismatch | tls.version-mismatch    | 12 | 'The client and server cannot communicate, because they do not possess a common algorithm.'
            vm-deallocated         | azure.vm-agent-or-boot  | 10 | 'The portal shows the VM as Stopped (deallocated) and RDP times out'
            account-device-restricted | auth.not-in-rdp-users-group | 8 | 'Your account is configured to prevent you from using this device. For more information, contact your system administrator.'
            firewall-profile       | net.port-blocked        | 6  | 'The rule was created with -Profile Public, and the server's network profile is private'
            """)
    void eachFamilysDocumentedTextRaisesItsRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            net.port-blocked        | You can't connect to the VM by using RDP: the Remote Desktop - User Mode (TCP-In) firewall rule is disabled.
            server.termservice-down | System log: The Remote Desktop Services service terminated with the following error: Access is denied.
            server.termservice-down | Remote Desktop can't connect to the remote computer. The firewall rule for Remote Desktop is enabled and netstat shows nothing listening on 3389.
            server.rdp-disabled     | mstsc says: Remote logins are currently disabled.
            net.port-blocked        | Remote Desktop can't connect to the remote computer. The security group for the instance has no inbound rule for RDP from my address.
            tls.version-mismatch    | Schannel: The client and server cannot communicate, because they do not possess a common algorithm.
            """)
    void documentedTextLeadsToItsCause(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'Your credentials did not work. I checked the firewall and it is fine.'
            'I turned the firewall off and it still fails'
            'We use Windows Defender Firewall with its default rules on every server.'
            """)
    void aFirewallMentionedInPassingRaisesOnlyTheWeakRow(String message) {
        List<String> rows = Fire.said(fire.text(message)).stream()
                .filter(t -> t.toList().get(1).equals("net.port-blocked"))
                .map(t -> (String) t.toList().get(0)).toList();

        assertThat(rows).as(message).noneMatch(rule -> rule.endsWith("(firewall-blocks -> net.port-blocked)"));
        assertThat(Fire.said(fire.text(message))).as(message).contains(tuple(
                "text: a firewall or a port tool is mentioned; in passing it says little, the blocking wording is"
                        + " firewall-blocks (firewall -> net.port-blocked)", "net.port-blocked", 1));
    }

    @Test
    void aFirewallSaidNotToBlockTakesTheBlockingRowBack() {
        assertThat(Fire.said(fire.text("It is not blocked by the firewall; the connection attempt times out")))
                .contains(tuple(NOT_BLOCKING, "net.port-blocked", -10));
        assertThat(Fire.pairs(fire.text("RDP is blocked by the firewall on the server")))
                .doesNotContain(tuple(NOT_BLOCKING, "net.port-blocked"));
    }

    @Test
    void netstatShowingTheListenerUpOutweighsTheToolsName() {
        String message = "netstat -ano shows TCP 0.0.0.0:3389 0.0.0.0:0 LISTENING 1044, clients from other subnets"
                + " time out";

        assertThat(Fire.said(fire.text(message))).contains(tuple("text: netstat or the admin shows the RDP port"
                + " listening, so the service and its listener run (listener-up lifts server.termservice-down)",
                "server.termservice-down", -10));
        assertThat(ranked(message).get(0)).isEqualTo("net.port-blocked");
    }

    @Test
    void anEc2SecurityGroupIsNotAnAzureNetworkSecurityGroup() {
        String message = "Remote Desktop can't connect. The instance's security group sg-0a1b2c3d allows only the"
                + " office range.";

        assertThat(ranked(message).get(0)).isEqualTo("net.port-blocked");
        assertThat(Fire.said(fire.text(message))).contains(tuple("text: an EC2 security group is AWS's, not an Azure"
                + " network security group (ec2-security-group lifts azure.nsg)", "azure.nsg", -6));
    }

    @Test
    void stoppingAndStartingTheVmAsAFixIsNotADeallocatedVm() {
        assertThat(Fire.pairs(fire.text("I deallocated and restarted the VM, RDP still fails")))
                .extracting(t -> (String) t.toList().get(0))
                .noneMatch(rule -> rule.contains("vm-deallocated"));
    }

    @Test
    void bootWordsAreAzuresBootFaultOnlyWhereACloudIsNamed() {
        // boot-words (split from vm-agent, session 15, branch bootwords): +4 alone, +8 more beside Azure named
        String rule = "mechanism: an Azure VM that does not finish booting is Azure's VM-boot cause";
        List<String> onAPc = Fire.pairs(fire.text("My PC is stuck at applying updates and RDP fails")).stream()
                .map(t -> (String) t.toList().get(0)).toList();

        assertThat(onAPc).doesNotContain(rule);
        assertThat(Fire.said(fire.text("My Azure VM is stuck at applying updates and RDP fails")))
                .contains(tuple(rule, "azure.vm-agent-or-boot", 8));
        fire.assertRaisesRow("boot-words", "azure.vm-agent-or-boot", 4, "My PC is stuck at applying updates and RDP fails");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
