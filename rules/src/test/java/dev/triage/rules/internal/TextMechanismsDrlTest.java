package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextMechanismsDrlTest {
    private final Fire fire = new Fire();

    @Test
    void theConnectionLimitDialogUnderRdpWrapperIsTheWrapper() {
        Outputs out = fire.text("RDP Wrapper installed; after the update: the number of connections to this computer"
                + " is limited and all connections are in use right now");
        assertThat(Fire.said(out))
                .contains(tuple("mechanism: RDP Wrapper with the connection-limit dialog is a wrapper/termsrv.dll build"
                        + " mismatch", "server.rdp-implementation-bug", 12))
                .contains(tuple("mechanism: RDP Wrapper with the connection-limit dialog is a wrapper/termsrv.dll build"
                        + " mismatch", "server.max-connections", -8));
    }

    @Test
    void theConnectionLimitDialogAloneIsNoWrapperDefect() {
        assertThat(Fire.pairs(fire.text("all connections are in use right now"))).doesNotContain(
                tuple("mechanism: RDP Wrapper with the connection-limit dialog is a wrapper/termsrv.dll build mismatch",
                        "server.rdp-implementation-bug"));
    }

    @Test
    void anEndedGracePeriodWeakensTheMissingLicenseServer() {
        assertThat(Fire.said(fire.text("no Remote Desktop client access licenses available; the grace period has"
                + " expired"))).contains(tuple("mechanism: licensing wording with an ended grace period is not a"
                + " missing license server", "license.no-server", -6));
    }

    @Test
    void aTlsFailureThatSecRdpAvoidsIsALegacySecurityLayer() {
        String rule = "mechanism: a TLS failure while RDP security works is a legacy security layer";
        assertThat(Fire.said(fire.fire(new dev.triage.rules.CaseFacts(List.of("with /sec:rdp it connects"),
                List.of(Fire.errconnect("ERRCONNECT_TLS_CONNECT_FAILED")), java.util.Map.of(), List.of(), List.of(),
                java.util.Optional.empty())))).contains(tuple(rule, "server.legacy-security-layer", 12));
        assertThat(Fire.pairs(fire.text("with /sec:rdp it connects"))).doesNotContain(
                tuple(rule, "server.legacy-security-layer"));
    }

    @Test
    void anInternalErrorAlertAtTheNlaStageIsCredsspNotTlsVersions() {
        String support = "mechanism: a TLS internal-error alert at the NLA stage is CredSSP failing inside working TLS";
        Outputs nla = fire.fire(new dev.triage.rules.CaseFacts(List.of("ssl3_read_bytes:tlsv1 alert internal error"),
                List.of(Fire.errconnect("ERRCONNECT_PASSWORD_CERTAINLY_EXPIRED")), java.util.Map.of(), List.of(),
                List.of(), java.util.Optional.empty()));
        assertThat(Fire.said(nla)).contains(tuple(support, "credssp.oracle-remediation", 12))
                .contains(tuple(support, "tls.version-mismatch", -8));

        Outputs handshake = fire.fire(new dev.triage.rules.CaseFacts(List.of("tlsv1 alert protocol version"),
                List.of(Fire.errconnect("ERRCONNECT_TLS_CONNECT_FAILED")), java.util.Map.of(), List.of(), List.of(),
                java.util.Optional.empty()));
        assertThat(Fire.pairs(handshake)).doesNotContain(tuple(support, "credssp.oracle-remediation"));
    }

    @Test
    void negotiationFailureCodesNameTheirMechanism() {
        assertThat(Fire.said(fire.text("nego_process_negotiation_failure: Error: HYBRID_REQUIRED_BY_SERVER")))
                .contains(tuple("mechanism: the server requires NLA the client did not offer (nla-required ->"
                        + " nla.mismatch)", "nla.mismatch", 12));
        assertThat(Fire.said(fire.text("Error: SSL_NOT_ALLOWED_BY_SERVER")))
                .contains(tuple("mechanism: the server refusing TLS (SSL_NOT_ALLOWED_BY_SERVER) only offers Standard"
                        + " RDP Security", "server.legacy-security-layer", 12));
    }

    @Test
    void theNlaRequiredDialogThatBlamesTheDomainControllerStaysTheDcCase() {
        assertThat(Fire.pairs(fire.text("The remote computer requires Network Level Authentication, which your"
                + " computer does not support, but your domain controller cannot be contacted")))
                .doesNotContain(tuple("mechanism: the server requires NLA the client did not offer (nla-required ->"
                        + " nla.mismatch)", "nla.mismatch"));
    }

    @Test
    void aMissingModuleOnTheClientIsItsNlaComponentInEveryLanguage() {
        for (String text : List.of("The specified module could not be found.", "Das angegebene Modul wurde nicht"
                + " gefunden.", "mstsc from WinPE: 0x8007007e")) {
            assertThat(Fire.said(fire.text(text))).as(text).contains(tuple("mechanism: a missing client module is"
                    + " the NLA component (module-missing -> nla.mismatch)", "nla.mismatch", 12));
        }
    }

    @Test
    void anOldClientThatCannotDecodeIsOutdated() {
        assertThat(Fire.pairs(fire.text("xfreerdp 1.1.0 against Server 2019: Unknown order, then it closes")))
                .contains(tuple("mechanism: an old client failing to decode the protocol is outdated",
                        "client.outdated-app"));
    }

    @Test
    void theLsaDialogInAWorkgroupIsTheLocalAccountsPassword() {
        String rule = "mechanism: the LSA dialog without a domain is a local account's expired password";
        assertThat(Fire.said(fire.text("The Local Security Authority cannot be contacted. Both PCs are in a"
                + " workgroup."))).contains(tuple(rule, "auth.account-locked-or-expired", 14));
        assertThat(Fire.pairs(fire.text("The Local Security Authority cannot be contacted. Not a workgroup issue,"
                + " it is a domain account."))).doesNotContain(tuple(rule, "auth.account-locked-or-expired"));
    }

    @Test
    void rejectedCredentialsOfALocalAccountAreTheNameFormInFrench() {
        assertThat(Fire.pairs(fire.text("Vos informations d'identification n'ont pas fonctionné. C'est un compte"
                + " local."))).contains(tuple("mechanism: rejected credentials of a local account point at the"
                + " account name form", "auth.username-format"));
    }

    @Test
    void aMicrosoftAccountNamedOnlyToRuleItOutIsWeakened() {
        assertThat(Fire.said(fire.text("Your credentials did not work. It is not a Microsoft account.")))
                .contains(tuple("mechanism: a Microsoft account named only to rule it out", "auth.microsoft-account",
                        -20));
    }

    @Test
    void xrdpInWslOnWindowsOwnPortReachesTheHost() {
        assertThat(Fire.pairs(fire.text("xrdp in WSL2 on port 3389, mstsc to localhost shows my own Windows session")))
                .contains(tuple("mechanism: an RDP server in WSL or a local VM on Windows' own port reaches the host"
                        + " itself", "client.loopback-self-connect"));
    }

    @Test
    void aRebuiltServerLeavesRemminaWithTheOldCertificate() {
        assertThat(Fire.pairs(fire.text("Remmina fails with authentication failure since the server was reinstalled")))
                .contains(tuple("mechanism: a FreeRDP client failing after the server was rebuilt holds the old"
                        + " certificate", "client.stale-cert-fingerprint"));
    }

    @Test
    void rdpConfAllGreenRulesOutTheListener() {
        Outputs out = fire.text("RDP Wrapper: RDPConf shows Listener state: Listening [fully supported], clients"
                + " cannot connect");
        assertThat(Fire.said(out)).contains(tuple("mechanism: RDP Wrapper reporting a listening service rules out a"
                + " stopped listener", "server.termservice-down", -10));
    }

    @Test
    void smartCardsThroughAGatewayNeedTheDomainController() {
        assertThat(Fire.pairs(fire.text("smart card sign-in fails through the RD Gateway, over VPN it works")))
                .contains(tuple("mechanism: smart-card sign-in through an RD Gateway needs a reachable domain"
                        + " controller", "nla.dc-unreachable"));
    }

    @Test
    void aBlackScreenOnReconnectingIsTheDisplayDriver() {
        assertThat(Fire.pairs(fire.text("black screen when I reconnect to my existing session since 21H2")))
                .contains(tuple("mechanism: a black screen on reconnecting or after a feature update is the display"
                        + " driver", "session.display-driver"));
    }

    @Test
    void aReplacedCertificateWithKeyWordingIsTheKeyPermission() {
        assertThat(Fire.pairs(fire.text("new Let's Encrypt certificate via win-acme; NETWORK SERVICE cannot read the"
                + " private key"))).contains(tuple("mechanism: a replaced certificate with key wording is the key's"
                + " permission", "cert.private-key-permission"));
    }

    @Test
    void anXrdpKeymapWarningWithAFailedLoginIsAMistranslatedPassword() {
        assertThat(Fire.pairs(fire.text("xrdp: Cannot find keymap file km-00000807.ini; sesman: login failed for"
                + " user anna"))).contains(tuple("mechanism: an xrdp keymap warning with a failed login is a"
                + " mistranslated password", "auth.bad-credentials"));
    }

    @Test
    void freerdpsReconnectLoopWithAMustChangePasswordIsThePassword() {
        assertThat(Fire.pairs(fire.text("Remmina: click YES to reconnect, log says ERRCONNECT_PASSWORD_MUST_CHANGE")))
                .contains(tuple("mechanism: a reconnect loop with an expired or must-change password is the password",
                        "auth.account-locked-or-expired"));
    }

    @Test
    void theConnectionLimitDialogOnDesktopWindowsIsTheSessionPatch() {
        Outputs out = fire.text("Windows 11 Pro: all connections are in use right now");
        assertThat(Fire.said(out).stream().filter(t -> t.toList().get(1).equals("server.rdp-implementation-bug")))
                .containsExactly(tuple("mechanism: the connection-limit dialog on a desktop edition or beside RDPConf's"
                        + " green states is a wrapper that does not apply", "server.rdp-implementation-bug", 12));
    }

    @Test
    void pendingConnectionThrottlingOnDesktopWindowsIsNoSessionPatch() {
        String message = "Mac app to my Windows 10 PC: Your session ended because of an error. Error code: 0x4";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(
                tuple("mechanism: the connection-limit dialog on a desktop edition or beside RDPConf's green states is a"
                        + " wrapper that does not apply", "server.rdp-implementation-bug"),
                tuple("mechanism: the connection-limit dialog on a desktop edition or beside RDPConf's green states is a"
                        + " wrapper that does not apply", "server.max-connections"));
    }

    @Test
    void theConnectionLimitDialogOnAServerIsNoSessionPatch() {
        assertThat(Fire.pairs(fire.text("from my Windows 10 laptop to Server 2019: all connections are in use"
                + " right now"))).doesNotContain(
                tuple("mechanism: the connection-limit dialog on a desktop edition or beside RDPConf's green states is a"
                        + " wrapper that does not apply", "server.rdp-implementation-bug"));
    }

    @Test
    void negotiationFailureCodeFiveRequiresNla() {
        assertThat(Fire.said(fire.text("negotiation failure: failureCode = 5"))).contains(tuple("mechanism: the server"
                + " requires NLA the client did not offer (nla-required -> nla.mismatch)", "nla.mismatch", 12));
        assertThat(Fire.pairs(fire.text("negotiation failure: failureCode = 50"))).doesNotContain(tuple(
                "mechanism: the server requires NLA the client did not offer (nla-required -> nla.mismatch)",
                "nla.mismatch"));
    }

    @Test
    void aFreeRdpClientFailingAfterTheServersFeatureUpdateHoldsTheOldCertificate() {
        assertThat(Fire.said(fire.text("Remmina cannot connect since the PC got the Fall Creators Update")))
                .contains(tuple("mechanism: a FreeRDP client failing after the server's feature update holds the old"
                        + " certificate", "client.stale-cert-fingerprint", 10));
    }

    @Test
    void aReplacedListenerCertificateIsItsKeyNotExpiry() {
        Outputs out = fire.text("since we set a new RDP listener certificate the connections fail");
        assertThat(Fire.said(out))
                .contains(tuple("mechanism: a replaced listener certificate most often fails on its key's permissions",
                        "cert.private-key-permission", 5))
                .contains(tuple("mechanism: a freshly replaced certificate is not the expired one unless expiry is"
                        + " named", "cert.expired", -4));
    }

    @Test
    void xrdpOnAPortWindowsAlreadyUsesReachesTheHostItself() {
        assertThat(Fire.said(fire.text("xrdp.log: port 3389 is already in use"))).contains(tuple("mechanism: xrdp"
                + " colliding with Windows' own listener reaches the host itself", "client.loopback-self-connect", 10));
    }

    @Test
    void aWrapperWhoseListenerDoesNotListenPointsAtTheTermsrvBuild() {
        String rule = "mechanism: RDP Wrapper with a listener that does not listen is a termsrv.dll build the wrapper"
                + " does not know";
        assertThat(Fire.said(fire.text("RDP Wrapper installed; after the cumulative update RDPConf says Listener"
                + " state: Not listening"))).contains(tuple(rule, "server.rdp-implementation-bug", 6));
        assertThat(Fire.pairs(fire.text("qwinsta shows rdp-tcp is not listening"))).doesNotContain(
                tuple(rule, "server.rdp-implementation-bug"));
    }

    @Test
    void theCredsspDialogAgainstXrdpIsNlaNotThePatchLevel() {
        Outputs xrdp = fire.text("mstsc to our xrdp box: An authentication error has occurred. The function requested"
                + " is not supported.");
        assertThat(Fire.said(xrdp))
                .contains(tuple("mechanism: an NLA, CredSSP or security-error failure against xrdp is the client"
                        + " insisting on NLA", "nla.mismatch", 10))
                .contains(tuple("mechanism: an NLA, CredSSP or security-error failure against xrdp is the client insisting on NLA",
                        "credssp.oracle-remediation", -12));
        assertThat(Fire.pairs(fire.text("An authentication error has occurred. The function requested is not"
                + " supported."))).doesNotContain(tuple("mechanism: xrdp runs no CredSSP, so its patch level is not"
                + " the cause", "credssp.oracle-remediation"));
    }

    @Test
    void anXrdpKeymapWithoutAFailedLoginStillPointsAtTheTypedPassword() {
        assertThat(Fire.said(fire.text("xrdp: keyboard layout km-00000407.ini not found, using the default")))
                .contains(tuple("mechanism: an xrdp keymap problem changes the typed password", "auth.bad-credentials",
                        6));
    }

    @Test
    void anOldClientToldTheServerRequiresNlaIsTheClient() {
        String rule = "mechanism: an old client told the server requires NLA lacks CredSSP (nla-required + old-client"
                + " -> client.outdated-app)";
        assertThat(Fire.said(fire.text("From a Windows Vista laptop: The remote computer requires Network Level"
                + " Authentication, which your computer does not support."))).contains(
                        tuple(rule, "client.outdated-app", 10));
        assertThat(Fire.pairs(fire.text("The remote computer requires Network Level Authentication, which your"
                + " computer does not support."))).doesNotContain(tuple(rule, "client.outdated-app"));
    }

    @Test
    void remminasNegotiationFailureCuredByItsRdpOptionIsALegacySecurityLayer() {
        assertThat(Fire.said(fire.text("Unable to establish a connection to the RDP server “thin01”. Check “Security"
                + " protocol negotiation”. With RDP protocol security selected it connects."))).contains(tuple(
                        "mechanism: a TLS failure while RDP security works is a legacy security layer",
                        "server.legacy-security-layer", 12));
    }

    @Test
    void rdpConfFullySupportedBesideNotListeningIsNoListeningService() {
        String listening = "mechanism: RDP Wrapper reporting a listening service rules out a stopped listener";
        String build = "mechanism: RDP Wrapper with a listener that does not listen is a termsrv.dll build the wrapper"
                + " does not know";
        Outputs down = fire.text("RDPConf after the update: Listener state: Not listening [fully supported]");
        assertThat(Fire.pairs(down)).doesNotContain(tuple(listening, "server.termservice-down"))
                .doesNotContain(tuple(build, "server.rdp-implementation-bug"));
        assertThat(Fire.said(fire.text("RDPConf: Listener state: Listening [fully supported], clients still fail")))
                .contains(tuple(listening, "server.termservice-down", -10));
        assertThat(Fire.said(fire.text("RDPConf: Listener state: Not listening after the update")))
                .contains(tuple(build, "server.rdp-implementation-bug", 6));
    }

    @Test
    void aMovedPortThatWorksLocallyAndFailsFromElsewhereIsTheFirewallRule() {
        String rule = "mechanism: a changed RDP port that works locally and fails from elsewhere is not open in the"
                + " firewall";
        assertThat(Fire.said(fire.text("I changed the RDP port to 50123; it works locally, other PCs time out")))
                .contains(tuple(rule, "net.port-blocked", 6));
        assertThat(Fire.pairs(fire.text("I changed the RDP port to 50123 and now nobody can connect")))
                .doesNotContain(tuple(rule, "net.port-blocked"));
    }
}
