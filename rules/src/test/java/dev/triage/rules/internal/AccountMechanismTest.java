package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The account mechanisms of accounts.drl (issue 13, branch accounts): a refused password the user knows to be right is
 * less likely the password and more likely the account's name form; a refusal proves a named port mapping reached the
 * listener; a domain account through Azure Bastion or a guacd bastion is a question of the name form; a hardening
 * baseline takes the Remote Desktop right away and renames the Administrator; the device restriction on an Entra-joined
 * VM is its missing sign-in role. Each rule fires on its combination, stays silent without it, and moves the ranking it
 * is for. The texts are written for the test, not taken from the development cases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountMechanismTest {
    private static final String KNOWN_GOOD = "mechanism: a refused password the user knows to be right is less likely the password";
    private static final String NAME_FORM = "mechanism: a refused password the user knows to be right points at the account's name form";
    private static final String PORT = "mechanism: a port mapping that brought back a refused password reached the listener";
    private static final String AZURE_BASTION = "mechanism: a domain account through Azure Bastion must be given in its UPN form";
    private static final String GUACD = "mechanism: a domain account through a guacd-based bastion depends on the form the bastion passes on";
    private static final String HARDENED_RIGHT = "mechanism: a hardening baseline restricts who may sign in through Remote Desktop";
    private static final String HARDENED_NAME = "mechanism: a hardening baseline renames the built-in Administrator";
    private static final String XRDP_GROUP = "mechanism: xrdp refusing a password the user knows to be right can be its TerminalServerUsers group";
    private static final String BASTION_ANSWER = "answers: a domain account through a bastion depends on the form the bastion passes on";
    private static final String WRAPPER_PASSWORD = "mechanism: RDP Wrapper refusing its owner's everyday password is less likely the password";
    private static final String WRAPPER_RENAMED = "mechanism: RDP Wrapper refusing its owner's password can be a renamed account's sign-in name";
    private static final String ELSEWHERE_ACCOUNT = "mechanism: a password refused here and accepted from another PC or client is not the account's";
    private static final String ELSEWHERE_SAVED = "mechanism: a password refused here and accepted from another PC or client is this client's saved credential";
    private static final String SSO = "mechanism: a password refused under single sign-on is the stored one, not a typed one";
    private static final String ENTRA_ROLE = "mechanism: a device restriction on an Entra-joined VM is its missing VM User Login role";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aRefusedPasswordTheUserKnowsIsRightWeakensThePasswordAndRaisesTheNameForm() {
        String text = "Your credentials did not work. The password is correct, I typed it slowly twice.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(KNOWN_GOOD, "auth.bad-credentials", -5),
                tuple(NAME_FORM, "auth.username-format", 4));
        assertThat(ranked(text).get(0)).isEqualTo("auth.username-format");
        assertThat(ranked("Your credentials did not work.").get(0)).isEqualTo("auth.bad-credentials");
    }

    @Test
    void theRightPasswordWithoutARefusalSaysNothingAboutTheAccount() {
        assertThat(Fire.pairs(fire.text("The password is correct, but after the logon the screen stays black.")))
                .doesNotContain(tuple(KNOWN_GOOD, "auth.bad-credentials"), tuple(NAME_FORM, "auth.username-format"));
    }

    @Test
    void aNamedMicrosoftAccountKeepsTheRightPasswordToItsOwnReading() {
        assertThat(Fire.pairs(fire.text("The logon attempt failed. I know my password, it is my Microsoft account's.")))
                .contains(tuple(KNOWN_GOOD, "auth.bad-credentials"))
                .doesNotContain(tuple(NAME_FORM, "auth.username-format"));
    }

    @Test
    void theRightPasswordRetoldInOtherLanguagesIsRead() {
        assertThat(Fire.said(fire.text("Ihre Anmeldeinformationen funktionierten nicht, aber das Passwort ist richtig.")))
                .contains(tuple(KNOWN_GOOD, "auth.bad-credentials", -5));
        assertThat(Fire.said(fire.text("Vos informations d'identification n'ont pas fonctionné; le mot de passe est correct.")))
                .contains(tuple(KNOWN_GOOD, "auth.bad-credentials", -5));
    }

    @Test
    void theChineseRetellingOfTheRefusalAndOfTheRightPasswordAreRead() {
        assertThat(Fire.said(fire.text("连接时提示用户名密码错误，但是账号密码是正确的")))
                .contains(tuple(KNOWN_GOOD, "auth.bad-credentials", -5))
                .anySatisfy(said -> assertThat((String) said.toList().get(0)).endsWith("(bad-password -> auth.bad-credentials)"));
    }

    @Test
    void xrdpRefusingTheRightPasswordIsItsGroupCheckUnlessTheKeymapMangledIt() {
        assertThat(Fire.said(fire.text("xrdp login failed although I'm sure it's correct, same user works on the console")))
                .contains(tuple(XRDP_GROUP, "auth.not-in-rdp-users-group", 5), tuple(KNOWN_GOOD, "auth.bad-credentials", -5));
        assertThat(Fire.pairs(fire.text("xrdp login failed although I'm sure it's correct; xrdp.log: keymap file"
                + " km-00000407.ini not found, using default"))).doesNotContain(
                        tuple(XRDP_GROUP, "auth.not-in-rdp-users-group"), tuple(KNOWN_GOOD, "auth.bad-credentials"));
    }

    @Test
    void rdpWrapperRefusingItsOwnersPasswordIsTheAccountMoreThanThePassword() {
        String text = "RDPConf is all green, but the login screen says the user name or password is incorrect.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(WRAPPER_PASSWORD, "auth.bad-credentials", -4),
                tuple(WRAPPER_RENAMED, "auth.username-format", 3));
        assertThat(ranked(text).get(0)).isNotEqualTo("auth.bad-credentials");
        assertThat(Fire.pairs(fire.text("RDP Wrapper: the password is incorrect, I sign in with my Microsoft account")))
                .contains(tuple(WRAPPER_PASSWORD, "auth.bad-credentials"))
                .doesNotContain(tuple(WRAPPER_RENAMED, "auth.username-format"));
        assertThat(Fire.pairs(fire.text("RDP Wrapper installed; Remote Desktop says the connection was refused")))
                .doesNotContain(tuple(WRAPPER_PASSWORD, "auth.bad-credentials"));
    }

    @Test
    void aPasswordAcceptedFromAnotherPcClearsTheAccountAndPointsAtThisClient() {
        String text = "Your credentials did not work, yet the same account works from another PC without a problem.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(ELSEWHERE_ACCOUNT, "auth.bad-credentials", -4),
                tuple(ELSEWHERE_ACCOUNT, "auth.microsoft-account", -4),
                tuple(ELSEWHERE_ACCOUNT, "auth.account-locked-or-expired", -4),
                tuple(ELSEWHERE_SAVED, "client.cached-credentials", 4));
        assertThat(ranked(text).get(0)).isNotEqualTo("auth.bad-credentials");
        assertThat(Fire.pairs(fire.text("It works from another PC; from this one the screen stays black.")))
                .doesNotContain(tuple(ELSEWHERE_SAVED, "client.cached-credentials"));
    }

    @Test
    void aPasswordRefusedUnderSingleSignOnIsTheStoredOne() {
        String text = "Since my password change, opening the RemoteApp with single sign-on says my user name and password"
                + " are incorrect.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(SSO, "client.cached-credentials", 4),
                tuple(SSO, "auth.bad-credentials", -4));
        assertThat(ranked(text).get(0)).isEqualTo("client.cached-credentials");
        assertThat(Fire.pairs(fire.text("We use single sign-on; the session disconnects after a minute.")))
                .doesNotContain(tuple(SSO, "client.cached-credentials"));
    }

    @Test
    void aRefusedPasswordProvesTheNamedPortMappingReachedTheListener() {
        assertThat(Fire.said(fire.text("Port forwarding 3390 to 3389 on my router; the login screen says the password"
                + " is incorrect."))).contains(tuple(PORT, "net.port-changed", -6));
        assertThat(Fire.pairs(fire.text("Port forwarding 3390 to 3389 on my router; the connection times out.")))
                .doesNotContain(tuple(PORT, "net.port-changed"));
    }

    @Test
    void aDomainAccountThroughAzureBastionIsTheNameForm() {
        String text = "Connecting through Azure Bastion in the portal, I cannot sign in to our domain-joined VM.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(AZURE_BASTION, "auth.username-format", 10));
        assertThat(ranked(text).get(0)).isEqualTo("auth.username-format");
        assertThat(Fire.pairs(fire.text("Connecting through Azure Bastion in the portal, the VM does not answer.")))
                .doesNotContain(tuple(AZURE_BASTION, "auth.username-format"));
    }

    @Test
    void aDomainAccountThroughAGuacdBastionIsTheNameFormUnlessTheDomainControllerIsNamed() {
        assertThat(Fire.said(fire.text("Guacamole: the RDP connection with my domain account fails every time")))
                .contains(tuple(GUACD, "auth.username-format", 6));
        assertThat(Fire.said(fire.text("JumpServer 上用域账户连接 Windows 服务器失败")))
                .contains(tuple(GUACD, "auth.username-format", 6));
        assertThat(Fire.pairs(fire.text("Guacamole with a domain account: The Local Security Authority cannot be contacted")))
                .doesNotContain(tuple(GUACD, "auth.username-format"));
        assertThat(Fire.pairs(fire.text("JumpServer 绑定了域名以后连接失败")))
                .doesNotContain(tuple(GUACD, "auth.username-format"));
    }

    @Test
    void aHardeningBaselineTakesTheRightAwayAndRenamesTheAdministrator() {
        String text = "After applying the CIS benchmark GPO to the server, nobody can log in with Remote Desktop any more.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(HARDENED_RIGHT, "auth.not-in-rdp-users-group", 7),
                tuple(HARDENED_NAME, "auth.username-format", 4));
        assertThat(ranked(text).get(0)).isEqualTo("auth.not-in-rdp-users-group");
        assertThat(Fire.pairs(fire.text("After hardening the TLS ciphers with IIS Crypto, RDP fails to connect.")))
                .doesNotContain(tuple(HARDENED_RIGHT, "auth.not-in-rdp-users-group"),
                        tuple(HARDENED_NAME, "auth.username-format"));
    }

    @Test
    void theDeviceRestrictionOnAnEntraJoinedVmIsTheMissingRole() {
        String text = "Azure AD joined VM: Your account is configured to prevent you from using this device.";
        assertThat(Fire.said(fire.text(text))).contains(tuple(ENTRA_ROLE, "auth.not-in-rdp-users-group", 6));
        assertThat(ranked(text).get(0)).isEqualTo("auth.not-in-rdp-users-group");
        assertThat(ranked("Azure AD joined VM: your credentials did not work").get(0))
                .isEqualTo("auth.entra-joined-target");
    }

    @Test
    void theSignInRightRetoldRaisesItsRowBelowTheVerbatimMessage() {
        fire.assertRaisesRow("rdp-users-retold", "auth.not-in-rdp-users-group", 10,
                "My son's account gets a message that he is not allowed to log in remotely.");
        fire.assertRaisesRow("rdp-users-retold", "auth.not-in-rdp-users-group", 10,
                "The new user is asked for access to Remote Desktop Services after typing the password.");
    }

    @Test
    void aDomainAnswerThroughABastionRaisesTheNameFormOnlyThere() {
        assertThat(Fire.said(fire.fire(answered("Guacamole says: Authentication failure (invalid credentials?)", "domain"))))
                .contains(tuple(BASTION_ANSWER, "auth.username-format", 4));
        assertThat(Fire.said(fire.fire(answered("Azure Bastion: I cannot sign in to the VM", "domain"))))
                .contains(tuple(BASTION_ANSWER, "auth.username-format", 4));
        assertThat(Fire.pairs(fire.fire(answered("mstsc: Your credentials did not work", "domain"))))
                .doesNotContain(tuple(BASTION_ANSWER, "auth.username-format"));
        assertThat(Fire.pairs(fire.fire(answered("Guacamole says: Authentication failure (invalid credentials?)", "local"))))
                .doesNotContain(tuple(BASTION_ANSWER, "auth.username-format"));
    }

    @Test
    void aLocalAccountAnswerKeepsTheExpiredPasswordOfAWorkgroupServerInView() {
        String lsa = "An authentication error has occurred. The Local Security Authority cannot be contacted.";
        assertThat(Fire.said(fire.fire(answered(lsa, "local")))).anySatisfy(said -> assertThat(said.toList())
                .containsExactly("answers: a local account's password expires by the local policy and locks by the"
                        + " local lockout policy", "auth.account-locked-or-expired", 3));
        assertThat(diagnoser.diagnose(answered(lsa, "local")).causeIds().get(0))
                .isEqualTo("auth.account-locked-or-expired");
        assertThat(diagnoser.diagnose(answered(lsa, "domain")).causeIds().get(0)).isEqualTo("nla.dc-unreachable");
    }

    private static CaseFacts answered(String text, String accountType) {
        return new CaseFacts(List.of(text), List.of(), Map.of("account-type", accountType), List.of(), List.of(),
                Optional.empty());
    }

    @Test
    void rdpConfsGuiAuthenticationModeIsTheStandardSecurityLayerWithoutNla() {
        String text = "RDPConf's authentication mode is GUI Authentication Only and the Android client will not connect.";
        fire.assertRaisesRow("rdpconf-gui-auth", "server.legacy-security-layer", 8, text);
        fire.assertRaisesRow("rdpconf-gui-auth", "nla.mismatch", 6, text);
        assertThat(ranked(text).subList(0, 2)).containsExactlyInAnyOrder("server.legacy-security-layer", "nla.mismatch");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
