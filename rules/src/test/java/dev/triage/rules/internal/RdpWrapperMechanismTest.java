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
 * RDP Wrapper by mechanism (rdp-wrapper.drl): where in the chain "TermService loads rdpwrap.dll, rdpwrap.dll patches
 * termsrv.dll at the offsets rdpwrap.ini has for its build" a report stops decides the cause. The messages are RDP
 * Wrapper's own texts (RDPConf's diagnostics, RDPWInst's version check; github.com/stascorp/rdpwrap), the Service
 * Control Manager's and mstsc's; hosts, builds and KB numbers are made up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RdpWrapperMechanismTest {
    private static final String NO_MS_REGRESSION =
            "mechanism: an update under RDP Wrapper replaced termsrv.dll, it is no Microsoft regression";
    private static final String NOT_LOADED =
            "mechanism: RDP Wrapper whose TermService cannot be started has not loaded rdpwrap.dll";
    private static final String NEVER_STARTS =
            "mechanism: a TermService that never starts is not the wrapper missing offsets";
    private static final String ERROR_5 =
            "mechanism: access denied while a service is started is Win32 error 5, not a missing sign-in right";
    private static final String MICROSOFT_ACCOUNT =
            "mechanism: rejected credentials behind RDP Wrapper are the desktop edition's Microsoft account";
    private static final String NO_DOMAIN =
            "mechanism: an RDP Wrapper host without a named domain has no domain controller to miss";
    private static final String SERVER_ANSWERED =
            "mechanism: RDP Wrapper healthy and the server answering leaves the port out";

    private static final String ONE_SESSION =
            "mechanism: the desktop edition's one-session prompt beside RDP Wrapper is a patch that does not apply";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            server.rdp-implementation-bug | Wrapper state: Installed, Service state: Running, Listener state: Listening [fully supported]. Still: The number of connections to this computer is limited and all connections are in use right now.
            server.rdp-implementation-bug | Since last night's cumulative update RDP Wrapper stopped working, RDPConf shows Listener state: Not listening [not supported], ver. 10.0.19045.4046
            server.rdp-implementation-bug | 10.0.22631.3155 after Windows Update - not supported
            server.rdp-implementation-bug | [-] This version of Terminal Services is not supported. Try running "update.bat" or "RDPWInst -w" to download latest INI file.
            server.rdp-implementation-bug | RDPWrap worked for a year; now mstsc says: Another user is signed in. If you continue, they'll be disconnected. Do you want to sign in anyway?
            server.termservice-down       | After the update, with RDPWrap installed, the Remote Desktop Services service cannot be started: Windows could not start the Remote Desktop Services service on Local Computer. Error 5: Access is denied.
            server.termservice-down       | RDP Wrapper: the service can't be started any more, System error 5 has occurred.
            """)
    void theWrappersOwnTextsLeadToTheirCause(String cause, String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo(cause);
    }

    @Test
    void rdpConfsLabelsNameTheWrapperWithoutItsName() {
        for (String label : List.of("Listener state: Listening", "Wrapper state: Installed", "ver. 10.0.22621.1 [fully supported]",
                "[supported partially]", "Terminal Services version: 10.0.19041.1")) {
            assertThat(extractor.extract(List.of(label))).as(label)
                    .anySatisfy(s -> assertThat(s.id()).isEqualTo("rdpwrap"));
        }
    }

    @Test
    void anUpdateUnderTheWrapperIsTakenBackFromTheMicrosoftRegressionOnce() {
        String message = "RDPWrap stopped after the cumulative update KB5034441, after updating to 22H2";

        assertThat(Fire.said(fire.text(message)).stream().filter(t -> t.toList().get(0).equals(NO_MS_REGRESSION)))
                .containsExactly(tuple(NO_MS_REGRESSION, "update.regression", -6));
        assertThat(ranked(message).get(0)).isEqualTo("server.rdp-implementation-bug");
    }

    @Test
    void anUpdateWithoutTheWrapperStaysAnUpdateRegression() {
        String message = "After the cumulative update KB5034441 mstsc fails against all our Windows Server 2022 hosts";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(NO_MS_REGRESSION, "update.regression"));
    }

    @Test
    void aServiceThatCannotStartIsTheServiceDownEvenAfterAnUpdate() {
        String message = "RDP Wrapper installed. After the update the service can't be started, error 5: access is denied";

        assertThat(Fire.said(fire.text(message))).contains(
                tuple(NOT_LOADED, "server.termservice-down", 10),
                tuple(NEVER_STARTS, "server.rdp-implementation-bug", -8),
                tuple(ERROR_5, "auth.not-in-rdp-users-group", -8));
    }

    @Test
    void mstscsRemoteConnectionThatCannotBeStartedIsNoServiceStartFailure() {
        String message = "The digital signature of this RDP file cannot be verified. The remote connection cannot be started.";

        assertThat(extractor.extract(List.of(message))).noneSatisfy(s -> assertThat(s.id()).isEqualTo("service-start-retold"));
    }

    @Test
    void accessDeniedAtSignInKeepsTheSignInRightReading() {
        String message = "RDP Wrapper all green, but signing in as the second user says Access is denied";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(ERROR_5, "auth.not-in-rdp-users-group"),
                tuple(NOT_LOADED, "server.termservice-down"));
    }

    @Test
    void rejectedCredentialsBehindTheWrapperAreTheMicrosoftAccountReading() {
        String message = "RDP Wrapper says fully supported, but mstsc: Your credentials did not work";

        assertThat(Fire.said(fire.text(message))).contains(tuple(MICROSOFT_ACCOUNT, "auth.microsoft-account", 6));
        assertThat(ranked(message).subList(0, 3)).contains("auth.microsoft-account")
                .doesNotContain("server.rdp-implementation-bug");
        assertThat(Fire.pairs(fire.text("RDP Wrapper installed, the credentials are wrong for my local account")))
                .doesNotContain(tuple(MICROSOFT_ACCOUNT, "auth.microsoft-account"));
    }

    @Test
    void aWrapperHostHasNoDomainControllerUnlessADomainIsNamed() {
        assertThat(Fire.pairs(fire.text("RDPWrap host hangs at Securing remote connection")))
                .contains(tuple(NO_DOMAIN, "nla.dc-unreachable"));
        assertThat(Fire.pairs(fire.text("RDPWrap on a domain-joined PC hangs at Securing remote connection")))
                .doesNotContain(tuple(NO_DOMAIN, "nla.dc-unreachable"));
    }

    @Test
    void theServerAnsweringTakesTheOtherPortReadingBackExactly() {
        String answered = "RDPConf: Listener state: Listening [fully supported], but my credentials don't work";
        String silent = "RDPConf: Listener state: Listening [fully supported], RDPCheck: Socket connection failed.";

        assertThat(Fire.said(fire.text(answered))).contains(tuple(SERVER_ANSWERED, "net.port-changed", -6));
        assertThat(Fire.pairs(fire.text(silent))).doesNotContain(tuple(SERVER_ANSWERED, "net.port-changed"));
        assertThat(ranked(silent).get(0)).isEqualTo("net.port-changed");
    }

    @Test
    void theOneSessionPromptWithoutAWrapperIsTheEditionsDesign() {
        String message = "Windows 11 Pro: Another user is signed in. If you continue, they'll be disconnected.";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(ONE_SESSION, "server.rdp-implementation-bug"));
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
