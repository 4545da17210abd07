package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session 8's account and licensing texts (issue 13, branch licacct): each vendor message (Win32 1328/1329, the Security
 * log's 4625 reasons, the old logon screen, mstsc's licensing time-out, RemoteConnectionManager event 1068, the grace
 * counter) raises its family's row, and each licensing mechanism of licensing-accounts.drl fires on its combination and
 * stays silent without licensing wording. The ranking tests pin what the mechanisms are for: the same no-license-server
 * dialog reads as the ended grace period on a cloud VM or after the role was added, and as a missing server in a
 * licensing deployment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicensingAndAccountsTest {
    private static final String DIALOG = "The remote session was disconnected because there are no Remote Desktop"
            + " License Servers available to provide a license. Please contact the server administrator.";
    private static final String ROLE_ADDED = "licensing: the Session Host role was added, so the grace period is what ended";
    private static final String DEPLOYMENT = "licensing: a licensing deployment exists, so its server or CALs failed";
    private static final String ADMIN = "licensing: /admin works where licensing refuses, which needs no CAL";
    private static final String CLOUD = "licensing: the no-license-server dialog on a cloud VM is the role's ended grace period";
    private static final String DEVICE_ENTRA =
            "mechanism: a device restriction on an Entra-joined PC is the missing sign-in role, not the Entra sign-in";
    private static final String NEVER = "answers: no license server was ever set up, so the grace period was the only licensing";
    private static final String CONFIGURED = "answers: a license server with CALs is configured, so that deployment failed";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    static Stream<Arguments> messages() {
        return Stream.of(
                row("logon-hours-workstation", "auth.account-locked-or-expired", 14,
                        "Your account has time restrictions that keep you from signing in right now."),
                row("logon-hours-workstation", "auth.account-locked-or-expired", 14,
                        "This user isn't allowed to sign in to this computer."),
                row("logon-hours-workstation", "auth.account-locked-or-expired", 14,
                        "An account failed to log on. Failure Reason: Account logon time restriction violation."),
                row("logon-hours-workstation", "auth.account-locked-or-expired", 14,
                        "Failure Reason: User not allowed to logon at this computer."),
                row("logon-right-legacy", "auth.not-in-rdp-users-group", 16,
                        "The local policy of this system does not permit you to logon interactively."),
                row("licensing-timeout", "license.no-server", 8, "A licensing error occurred (Licensing time-out)."),
                row("rcm-licensing-mode-event", "license.no-server", 8,
                        "RemoteConnectionManager 1068: The RD Licensing mode has not been configured."),
                row("grace-registry", "license.grace-expired", 10,
                        "Invoke-CimMethod ... -MethodName GetGracePeriodDays returns DaysLeft 0"),
                row("license-server-none", "license.grace-expired", 10, DIALOG));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("messages")
    void vendorMessageRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void aTimeRestrictionIsNotTheBlankPasswordRestriction() {
        assertThat(Fire.pairs(fire.text("Logon failure: account logon time restriction violation."))).contains(tuple(
                "text: a time or computer limit on the account has its own status, not STATUS_ACCOUNT_RESTRICTION's"
                        + " blank password or refused NTLM (logon-hours-workstation lifts auth.account-restriction)",
                "auth.account-restriction"));
    }

    @Test
    void theAddedRoleNamesTheGracePeriodOnlyBesideLicensingWording() {
        assertThat(Fire.said(fire.text("We installed the Remote Desktop Session Host role in spring. " + DIALOG)))
                .contains(tuple(ROLE_ADDED, "license.grace-expired", 6), tuple(ROLE_ADDED, "license.no-server", -3));
        assertThat(Fire.pairs(fire.text("We installed the Remote Desktop Session Host role; now the screen is black.")))
                .doesNotContain(tuple(ROLE_ADDED, "license.grace-expired"));
        assertThat(Fire.pairs(fire.text("We installed the RDS role and bought Per User CALs. " + DIALOG)))
                .doesNotContain(tuple(ROLE_ADDED, "license.grace-expired"))
                .contains(tuple(DEPLOYMENT, "license.no-server"));
    }

    @Test
    void aLicensingDeploymentNamesItsServerOnlyBesideLicensingWording() {
        assertThat(Fire.said(fire.text("Our license server has Per Device CALs installed. " + DIALOG)))
                .contains(tuple(DEPLOYMENT, "license.no-server", 6), tuple(DEPLOYMENT, "license.grace-expired", -6));
        assertThat(Fire.pairs(fire.text("We use per user mode; your credentials did not work")))
                .doesNotContain(tuple(DEPLOYMENT, "license.no-server"));
    }

    @Test
    void adminWorkingKeepsALicensingFailureOnTheHostsLicensing() {
        assertThat(Fire.said(fire.text("Only mstsc /admin works, everyone else gets a licensing error")))
                .contains(tuple(ADMIN, "license.no-server", 3), tuple(ADMIN, "license.grace-expired", 3));
        assertThat(Fire.pairs(fire.text("The terminal server has exceeded the maximum number of allowed connections;"
                + " mstsc /admin works"))).doesNotContain(tuple(ADMIN, "license.no-server"));
    }

    @Test
    void theDialogOnACloudVmIsTheGracePeriodUnlessADeploymentIsNamed() {
        assertThat(Fire.said(fire.text("My Azure VM says: " + DIALOG)))
                .contains(tuple(CLOUD, "license.grace-expired", 6), tuple(CLOUD, "license.no-server", -4));
        assertThat(Fire.pairs(fire.text("My Azure VM says: Your credentials did not work")))
                .doesNotContain(tuple(CLOUD, "license.grace-expired"));
        assertThat(Fire.pairs(fire.text("EC2 instance with our separate license server: " + DIALOG)))
                .doesNotContain(tuple(CLOUD, "license.grace-expired"));
    }

    @Test
    void theSetupDecidesWhichLicensingCauseLeadsTheSameDialog() {
        assertThat(ranked(DIALOG).get(0)).isEqualTo("license.no-server");
        assertThat(ranked("Azure VM: " + DIALOG).get(0)).isEqualTo("license.grace-expired");
        assertThat(ranked("AWS EC2 instance: " + DIALOG).get(0)).isEqualTo("license.grace-expired");
        assertThat(ranked("I installed the Remote Desktop Session Host role months ago. " + DIALOG).get(0))
                .isEqualTo("license.grace-expired");
        assertThat(ranked("Azure VM, our license server has Per User CALs installed. " + DIALOG).get(0))
                .isEqualTo("license.no-server");
    }

    @Test
    void daysLeftOnTheGracePeriodMeanItHasNotEnded() {
        assertThat(Fire.pairs(fire.text("Remote Desktop licensing mode is not configured. Remote Desktop Services will"
                + " stop working in 87 days."))).contains(tuple("text: the host's notification counts the grace period's"
                + " remaining days, so it has not ended yet (grace-days-left lifts license.grace-expired)",
                "license.grace-expired"));
    }

    @Test
    void aCountdownAtZeroDaysIsTheGracePeriodEnded() {
        String text = "Remote Desktop licensing mode is not configured. Remote Desktop Services will stop working in 0"
                + " days. Users now get disconnected.";
        assertThat(Fire.said(fire.text(text))).contains(tuple("text: the countdown reached 0 days, so the grace period"
                + " has ended; this restores what the days-left row took away (grace-days-zero lifts"
                + " license.grace-expired)", "license.grace-expired", 6));
    }

    @Test
    void namingTheCalsNeverInstalledIsNoDeployment() {
        String never = "Users get disconnected: the licensing period has expired. We never installed CALs, trial only.";
        assertThat(Fire.pairs(fire.text(never))).doesNotContain(tuple(DEPLOYMENT, "license.no-server"));
        assertThat(Fire.pairs(fire.text("Users get disconnected: the licensing period has expired. We installed CALs.")))
                .contains(tuple(DEPLOYMENT, "license.no-server"));
        assertThat(ranked(never).get(0)).isEqualTo("license.grace-expired");
    }

    @Test
    void theLicensingQuestionWeighsOnlyBesideLicensingWording() {
        CaseFacts never = new CaseFacts(List.of(DIALOG), List.of(), Map.of("rds-licensing", "never"), List.of(),
                List.of(), Optional.empty());
        assertThat(Fire.said(fire.fire(never))).contains(tuple(NEVER, "license.grace-expired", 6),
                tuple(NEVER, "license.no-server", -4));
        CaseFacts configured = new CaseFacts(List.of(DIALOG), List.of(), Map.of("rds-licensing", "configured"),
                List.of(), List.of(), Optional.empty());
        assertThat(Fire.said(fire.fire(configured))).contains(tuple(CONFIGURED, "license.no-server", 6),
                tuple(CONFIGURED, "license.grace-expired", -8));
        CaseFacts offTopic = new CaseFacts(List.of("Your credentials did not work"), List.of(),
                Map.of("rds-licensing", "never"), List.of(), List.of(), Optional.empty());
        assertThat(Fire.pairs(fire.fire(offTopic))).doesNotContain(tuple(NEVER, "license.grace-expired"));
    }

    @Test
    void aDeviceRestrictionBesideEntraWordingIsTheMissingRole() {
        assertThat(Fire.said(fire.text("Azure AD joined VM: Your account is configured to prevent you from using this"
                + " device."))).contains(tuple(DEVICE_ENTRA, "auth.entra-joined-target", -12));
        assertThat(Fire.pairs(fire.text("Azure AD joined VM: your credentials did not work")))
                .doesNotContain(tuple(DEVICE_ENTRA, "auth.entra-joined-target"));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
