package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextSignalsDrlTest {
    private final Fire fire = new Fire();

    @Test
    void changedHostKeyPointsAtTheStaleFingerprint() {
        assertThat(Fire.pairs(fire.text("WARNING: the host key for 10.0.0.5 has changed, see ~/.config/freerdp/known_hosts2")))
                .contains(tuple("text: a changed host key or certificate fingerprint means a stale saved fingerprint"
                        + " (host-key-changed -> client.stale-cert-fingerprint)", "client.stale-cert-fingerprint"));
    }

    @Test
    void anIgnoredCertificateWeighsLittleAndIsNoChangedHostKey() {
        Outputs out = fire.text("xfreerdp /v:host /cert-ignore /sec:nla");
        assertThat(Fire.said(out)).contains(tuple("text: a client told to ignore the certificate may be working around"
                + " a changed one (cert-ignored -> client.stale-cert-fingerprint)", "client.stale-cert-fingerprint", 3));
        assertThat(Fire.pairs(out)).doesNotContain(tuple("text: a changed host key or certificate fingerprint means a"
                + " stale saved fingerprint (host-key-changed -> client.stale-cert-fingerprint)",
                "client.stale-cert-fingerprint"));
    }

    @Test
    void theLocalSecurityAuthorityDialogAlsoReadsAsAnExpiredPassword() {
        assertThat(Fire.said(fire.text("An authentication error has occurred. The Local Security Authority cannot be"
                + " contacted."))).contains(tuple("text: the Local Security Authority dialog also follows an expired or"
                + " must-change password (lsa -> auth.account-locked-or-expired)", "auth.account-locked-or-expired", 5));
    }

    @Test
    void aServiceThatCrashesOnConnectIsADefectMoreThanAStoppedService() {
        String rule = "text: a service that stops because it crashes is a defect rather than a stopped service "
                + "(service-crash -> server.termservice-down)";
        assertThat(Fire.said(fire.text("TermService crashes on every connection, faulting module termsrv.dll"))).contains(
                tuple(rule, "server.termservice-down", -8));
        assertThat(Fire.pairs(fire.text("the TermService service is not running"))).doesNotContain(
                tuple(rule, "server.termservice-down"));
    }

    @Test
    void theCantFindTheComputerDialogWeighsLikeADnsCodeInEveryLanguage() {
        String rule = "text: the can't-find-the-computer dialog means the name did not resolve (cant-find-computer -> net.dns-wrong)";
        for (String dialog : List.of("Remote Desktop can't find the computer \"PC1\".",
                "Möglicherweise gehört \"PC1\" nicht zum angegebenen Netzwerk.",
                "Cela signifie peut-être que « PC1 » n'appartient pas au réseau spécifié.")) {
            assertThat(Fire.said(fire.text(dialog))).as(dialog).contains(tuple(rule, "net.dns-wrong", 12));
        }
    }

    @Test
    void encryptionOracleWordingPointsAtCredssp() {
        assertThat(Fire.pairs(fire.text("This could be due to CredSSP encryption oracle remediation.")))
                .contains(tuple("text: the encryption oracle dialog or its policy is named"
                        + " (credssp-oracle -> credssp.oracle-remediation)", "credssp.oracle-remediation"));
    }

    @Test
    void bareCredsspMentionIsWeakerThanTheOracleDialog() {
        assertThat(Fire.said(fire.text("CredSSP initialize failed")))
                .contains(tuple("text: CredSSP is named (credssp -> credssp.oracle-remediation)",
                        "credssp.oracle-remediation", 6))
                .contains(tuple("text: CredSSP is NLA's protocol (credssp -> nla.mismatch)", "nla.mismatch", 5));
    }

    @Test
    void updateWithAThirdPartyClientCombinesIntoCredssp() {
        assertThat(Fire.pairs(fire.text("Since the patch Tuesday updates Remmina cannot connect")))
                .contains(tuple("text: an update that broke a third-party client points at CredSSP",
                        "credssp.oracle-remediation"));
        assertThat(Fire.pairs(fire.text("Since the patch Tuesday updates it cannot connect")))
                .doesNotContain(tuple("text: an update that broke a third-party client points at CredSSP",
                        "credssp.oracle-remediation"));
    }

    @Test
    void localizedExpiredAccountWordingIsRecognised() {
        assertThat(Fire.pairs(fire.text("Das Konto ist abgelaufen.")))
                .contains(tuple("text: an expired account is named (account-expired -> auth.account-locked-or-expired)",
                        "auth.account-locked-or-expired"));
    }

    @Test
    void localizedCredsspDialogIsRecognised() {
        assertThat(Fire.pairs(fire.text("Произошла ошибка проверки подлинности. Запрошенная функция не поддерживается")))
                .contains(tuple("text: the encryption oracle dialog or its policy is named"
                        + " (credssp-oracle -> credssp.oracle-remediation)", "credssp.oracle-remediation"));
    }

    @Test
    void wordsInsideOtherWordsDoNotMatch() {
        // "nla" inside "vanilla", "cal" inside "local": boundaries keep short phrases honest.
        assertThat(Fire.pairs(fire.text("vanilla local setup"))).isEmpty();
    }

    @Test
    void accessDeniedInAnyLanguageNamesTheLogonRightBeforeThePassword() {
        for (String text : List.of("When I entered the correct password, it said Access is denied.", "提示：拒绝访问。",
                "Zugriff verweigert")) {
            assertThat(Fire.said(fire.text(text))).as(text)
                    .contains(tuple("text: access denied at sign-in names a missing logon right (access-denied ->"
                            + " auth.not-in-rdp-users-group)", "auth.not-in-rdp-users-group", 10))
                    .contains(tuple("text: access denied at sign-in can be a rejected password (access-denied ->"
                            + " auth.bad-credentials)", "auth.bad-credentials", 3));
        }
    }

    @Test
    void aConnectionThatWorksOnTheMachineItselfPointsAtThePath() {
        Outputs out = fire.text("RDPCheck works, but from the other PCs mstsc cannot connect");
        assertThat(Fire.said(out))
                .contains(tuple("text: it works on the machine itself, so the path blocks it (local-works ->"
                        + " net.port-blocked)", "net.port-blocked", 6))
                .contains(tuple("text: it works on the machine itself, so the service runs (local-works lifts"
                        + " server.termservice-down)", "server.termservice-down", -6));
    }
}
