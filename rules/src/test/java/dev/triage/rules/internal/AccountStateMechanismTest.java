package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Accounts, round 3 (issue 13, branch accounts2, account-state.drl): the Win32 catalogue's wording of a disabled account
 * ("account currently disabled") names the state, and a refusal whose generic envelope ("The logon attempt failed",
 * "Logon failure:") carries a named account state is that state, not a wrong password or name form beside it. Texts
 * written for the test, not taken from the development cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountStateMechanismTest {
    private static final String NOT_PASSWORD = "mechanism: a refusal that names the account's state is that state, not a wrong password";
    private static final String NOT_NAME_FORM = "mechanism: a refusal that names the account's state is that state, not the account's name form";

    private static final String CLOUD_PASSED = "mechanism: a cloud VM that refused the account passed its firewall and port";

    private static final String VPN_CARRIED = "mechanism: a VPN that carried a refusal of the account did not drop the connection";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void theCataloguesDisabledAccountWordingNamesTheState() {
        for (String text : List.of(
                "Remote Desktop: This user can't sign in because this account is currently disabled.",
                "RDP fails. Logon failure: account currently disabled.",
                "Event 4625 on the server after my RDP attempt, Failure Reason: Account currently disabled.")) {
            assertThat(ranked(text).get(0)).as(text).isEqualTo("auth.account-locked-or-expired");
        }
    }

    @Test
    void aNamedStateInsideTheGenericRefusalIsNotASecondFindingOfAWrongPassword() {
        String text = "mstsc says the logon attempt failed. The Security log says the referenced account is currently locked out.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(NOT_PASSWORD, "auth.bad-credentials", -4),
                tuple(NOT_NAME_FORM, "auth.username-format", -3));
        List<String> ranking = ranked(text);
        assertThat(ranking.get(0)).isEqualTo("auth.account-locked-or-expired");
        // Without the named state the same envelope is the wrong password.
        assertThat(ranked("mstsc says the logon attempt failed.").get(0)).isEqualTo("auth.bad-credentials");
    }

    @Test
    void theCataloguesExpiredPasswordInsideLogonFailureIsTheExpiry() {
        String text = "Remote Desktop: Logon failure: the specified account password has expired.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(NOT_PASSWORD, "auth.bad-credentials", -4));
        assertThat(ranked(text).get(0)).isEqualTo("auth.account-locked-or-expired");
    }

    @Test
    void aNameFormTheUserNamesKeepsItsReading() {
        String text = "RDP: the logon attempt failed, the account is locked out, and I typed the name without the domain\\user form.";
        assertThat(Fire.pairs(fire.text(text))).contains(tuple(NOT_PASSWORD, "auth.bad-credentials"))
                .doesNotContain(tuple(NOT_NAME_FORM, "auth.username-format"));
    }

    @Test
    void anExpiredPasswordRetoldAsAChangeLeavesTheWrongPasswordAlone() {
        String text = "I had to change the password yesterday and now RDP says the logon attempt failed.";
        assertThat(Fire.pairs(fire.text(text))).doesNotContain(tuple(NOT_PASSWORD, "auth.bad-credentials"));
    }

    @Test
    void anAzureVmThatRefusedTheCredentialsIsPastItsPort() {
        String text = "I created a Windows Server VM in Azure. When I connect with RDP it says your credentials did not work.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(CLOUD_PASSED, "net.port-blocked", -3));
        assertThat(ranked(text).get(0)).isEqualTo("auth.bad-credentials");
        assertThat(ranked("Azure VM: the connection was denied because the user account is not authorized for remote login")
                .get(0)).isEqualTo("auth.not-in-rdp-users-group");
    }

    @Test
    void anAzureVmThatDoesNotAnswerKeepsItsSecurityGroup() {
        String text = "I created a Windows Server VM in Azure. Remote Desktop can't connect to the remote computer.";
        // No refusal: nothing proves the packets passed the group, so the rule stays silent.
        assertThat(Fire.pairs(fire.text(text))).doesNotContain(tuple(CLOUD_PASSED, "net.port-blocked"));
    }

    @Test
    void anotherCloudsVmThatRefusedTheCredentialsIsPastItsPort() {
        String text = "My AWS EC2 Windows instance: RDP says the user name or password is incorrect.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(CLOUD_PASSED, "net.port-blocked", -3));
    }

    @Test
    void aVpnThatCarriedARefusalIsNotTheUnstableTunnel() {
        String text = "Connecting over our VPN to my office PC, RDP says your credentials did not work.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(VPN_CARRIED, "net.vpn-unstable", -4));
        assertThat(Fire.pairs(fire.text("Over the VPN my RDP session keeps disconnecting every few minutes.")))
                .doesNotContain(tuple(VPN_CARRIED, "net.vpn-unstable"));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
