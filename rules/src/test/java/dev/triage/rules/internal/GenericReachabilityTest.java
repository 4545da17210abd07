package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reachability read from generic reports (issue 13, session 10, branch reach, reach-generic.drl): FreeRDP's
 * "protocol security negotiation or connection failure" after a transport error; a failure to connect that began
 * with the server's restart or update; a time-out that a second restart clears; the Azure Virtual Desktop agent's
 * catalogue. Hosts are made up; the log lines are FreeRDP's own, the rest is ordinary wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenericReachabilityTest {
    private static final String PORT_PATH = "mechanism: FreeRDP's negotiation failure after a broken stream is its"
            + " connection-failure half: the port's path";
    private static final String ROUTE = "mechanism: FreeRDP's negotiation failure after a broken stream is its"
            + " connection-failure half: the route";
    private static final String NLA_WEAKENED = "mechanism: FreeRDP's negotiation failure after a transport error"
            + " weakens its NLA reading";
    private static final String AFTER_RESTART = "mechanism: no answer at the RDP port after the server restarted: the"
            + " listener did not come up";
    private static final String RESTART_CURES = "mechanism: no answer that a server restart clears is a listener that"
            + " did not bind";
    private static final String SERVER_UPDATE = "mechanism: an update beside a failure at the TCP step is the server's"
            + " update: the listener";
    private static final String DIALOG_LIMIT = "mechanism: Microsoft's disconnected dialog before the sign-in: the"
            + " connection limit";
    private static final String DISCONNECTED_DIALOG = "Remote Desktop Disconnected. This computer can't connect to the"
            + " remote computer. Try connecting again. If the problem continues, contact the owner of the remote"
            + " computer or your network administrator.";
    private static final String POLICY_OFF = "mechanism: a policy change beside a failure to reach RDP: Remote Desktop"
            + " switched off by policy";
    private static final String OTHER_SERVICE = "mechanism: a service start failure that names another service is not"
            + " Remote Desktop's: the generic start failure";
    private static final String NEGO = "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED";
    private static final String NEGO_TAIL = """
            [ERROR][com.freerdp.core.nego] - Protocol Security Negotiation Failure
            [ERROR][com.freerdp.core] - freerdp_set_last_error ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED [0x0002000C]
            [ERROR][com.freerdp.core.connection] - Error: protocol security negotiation or connection failure
            """;

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aBrokenPipeBeforeTheNegotiationAnswerIsTheConnectionHalfOfFreeRdpsCode() {
        String log = "xfreerdp /v:192.0.2.40 /u:admin\n"
                + "[ERROR][com.freerdp.core.transport] - BIO_should_retry returned a system error 32: Broken pipe\n"
                + NEGO_TAIL;
        assertThat(Fire.said(withNego(log))).contains(
                tuple(PORT_PATH, "net.port-blocked", 8),
                tuple(ROUTE, "net.unreachable", 6),
                tuple(NLA_WEAKENED, "nla.mismatch", -6));
        assertThat(top3(ranked(log, NEGO))).contains("net.port-blocked");
    }

    @Test
    void aConnectThatFailedWithoutErrnoCountsAsTheSameTransportFailure() {
        String log = "[ERROR][com.freerdp.core] - failed to connect to [pc7.example.test]\n" + NEGO_TAIL;
        assertThat(Fire.pairs(withNego(log))).contains(
                tuple(PORT_PATH, "net.port-blocked"),
                tuple(ROUTE, "net.unreachable"));
    }

    @Test
    void theNegotiationFailureAloneKeepsItsSecurityReading() {
        assertThat(Fire.pairs(withNego(NEGO_TAIL))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(PORT_PATH, ROUTE, NLA_WEAKENED);
        assertThat(ranked(NEGO_TAIL, NEGO).get(0)).isEqualTo("nla.mismatch");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            'Since the server was rebooted for updates, Remote Desktop can''t connect to the remote computer for one of these reasons: 1) Remote access to the server is not enabled'
            'RDP worked until the server rebooted. Now mstsc just times out.'
            'After the server restarted overnight the connection attempt timed out every time.'
            """)
    void aFailureToConnectThatBeganWithTheServersRestartPointsAtTheListener(String message) {
        assertThat(Fire.said(fire.text(message))).contains(tuple(AFTER_RESTART, "server.termservice-down", 6));
        assertThat(top3(ranked(message))).contains("server.termservice-down");
    }

    @Test
    void theServersRestartBesideASignInOrDisplayErrorIsNoListenerQuestion() {
        String message = "Since the server was rebooted, users get a black screen after signing in.";
        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(AFTER_RESTART);
    }

    @Test
    void aTimeOutThatASecondServerRestartClearsIsAListenerThatDidNotBind() {
        String message = "After patching, RDP just times out. If I reboot the server again, it works.";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple(RESTART_CURES, "server.termservice-down", 6),
                tuple(RESTART_CURES, "server.max-connections", -3));
        assertThat(top3(ranked(message))).contains("server.termservice-down");
    }

    @Test
    void anUpdateBesideAFailureAtTheTcpStepIsTheServersUpdate() {
        String message = "Since the cumulative update the connection attempt timed out; the server pings fine.";
        assertThat(Fire.said(fire.text(message))).contains(tuple(SERVER_UPDATE, "server.termservice-down", 4));
        // Under RDP Wrapper the update replaced termsrv.dll under the wrapper: rdp-wrapper.drl's reading, not this one.
        String wrapper = "Since the cumulative update the connection attempt timed out; RDP Wrapper shows not listening.";
        assertThat(Fire.pairs(fire.text(wrapper))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(SERVER_UPDATE);
    }

    @Test
    void microsoftsDisconnectedDialogBeforeTheSignInIsKb2477176sConnectionLimit() {
        assertThat(Fire.said(fire.text(DISCONNECTED_DIALOG))).contains(tuple(DIALOG_LIMIT, "server.max-connections", 4));
        assertThat(top3(ranked(DISCONNECTED_DIALOG))).contains("server.max-connections");
        // The same dialog after the credentials were typed is a TLS or certificate failure (Microsoft's Azure article).
        String afterSignIn = "After you input your credentials, the connection fails: " + DISCONNECTED_DIALOG;
        assertThat(Fire.pairs(fire.text(afterSignIn))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(DIALOG_LIMIT);
    }

    @Test
    void theSameDialogWithItsCodesLeavesTheReadingToTheCodes() {
        // mstsc prints this dialog for many disconnect reasons; 0x904 / 0x7 (the server denied the connection) is one.
        Outputs withCodes = fire.fire(new CaseFacts(List.of(DISCONNECTED_DIALOG + " Error code: 0x904 Extended error"
                + " code: 0x7"), List.of(Fire.disconnect("0x904"), Fire.extended("0x7")), Map.of(), List.of(),
                List.of(), Optional.empty()));
        assertThat(Fire.pairs(withCodes)).extracting(t -> (String) t.toList().get(0)).doesNotContain(DIALOG_LIMIT);
    }

    @Test
    void aPolicyChangeBesideAFailureToReachRdpIsRemoteDesktopSwitchedOffOrAFirewallRule() {
        String message = "After the new GPO was applied we can't RDP to any workstation: the connection attempt timed out.";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple(POLICY_OFF, "server.rdp-disabled", 5),
                tuple("mechanism: a policy change beside a failure to reach RDP: a firewall rule by policy",
                        "net.port-blocked", 3));
        assertThat(top3(ranked(message))).contains("server.rdp-disabled", "net.port-blocked");
        // A policy change beside a sign-in message is the account rules' business.
        String signIn = "After the new GPO was applied users get: The user account is not authorized for remote login.";
        assertThat(Fire.pairs(fire.text(signIn))).extracting(t -> (String) t.toList().get(0)).doesNotContain(POLICY_OFF);
    }

    @Test
    void aServiceStartFailureThatNamesAnotherServiceIsNotRemoteDesktops() {
        String netlogon = "Event ID 7022: The Netlogon service hung on starting. RDP to the VM fails.";
        assertThat(Fire.said(fire.text(netlogon))).contains(tuple(OTHER_SERVICE, "server.termservice-down", -11));
        String termService = "Event ID 7022: The Remote Desktop Services service hung on starting.";
        assertThat(Fire.pairs(fire.text(termService))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(OTHER_SERVICE);
        assertThat(ranked(termService).get(0)).isEqualTo("server.termservice-down");
        // TermService failing because a dependency failed names TermService itself: still Remote Desktop's service.
        String dependency = "The Remote Desktop Services service depends on the DHCP Client service which failed to"
                + " start. The DHCP Client service hung on starting.";
        assertThat(Fire.pairs(fire.text(dependency))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(OTHER_SERVICE);
    }

    @Test
    void oneServerOutOfReachWhileOthersAnswerIsThatServersOwnState() {
        String message = "Unable to connect via RDP to one of our servers, the other servers are fine.";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple("mechanism: one server out of reach while others answer: that server's listener",
                        "server.termservice-down", 3),
                tuple("mechanism: one server out of reach while others answer: Remote Desktop off there",
                        "server.rdp-disabled", 2));
        assertThat(top3(ranked(message))).contains("server.termservice-down");
    }

    @Test
    void aNewMachineOutOfReachIsFirstOneWhereRemoteDesktopWasNeverTurnedOn() {
        String message = "We set up a new server last week and RDP has never worked: the connection attempt timed out.";
        assertThat(Fire.said(fire.text(message))).contains(
                tuple("mechanism: a new machine out of reach: Remote Desktop never turned on", "server.rdp-disabled", 4),
                tuple("mechanism: a new machine out of reach: its firewall never opened", "net.port-blocked", 2));
        assertThat(top3(ranked(message))).contains("server.rdp-disabled", "net.port-blocked");
        // A new machine that connects and then fails at the sign-in is not this reading.
        String signIn = "On the new server I get: The credentials that were used to connect did not work.";
        assertThat(Fire.pairs(fire.text(signIn))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain("mechanism: a new machine out of reach: Remote Desktop never turned on");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            connect-timeout-retold | net.port-blocked        | 6  | 'Every time I try, the connection times out.'
            connect-timeout-retold | net.unreachable         | 6  | 'Remote Desktop just times out from home'
            cant-rdp               | net.port-blocked        | 2  | 'Since Monday I can''t RDP into the accounting server.'
            cant-rdp               | server.rdp-disabled     | 1  | 'Remote Desktop stopped working on my office PC'
            outside-retold         | net.port-blocked        | 4  | 'It works in the LAN but not from the internet.'
            before-credentials     | server.termservice-down | 2  | 'mstsc fails and never even asks for my password'
            before-credentials     | net.port-blocked        | 3  | 'The client gives up before it asks for credentials.'
            rdp-disabled-retold    | server.rdp-disabled     | 8  | 'I checked the PC: RDP had been disabled by someone.'
            config-script          | server.rdp-disabled     | 4  | 'After running the script from our hardening baseline, nobody gets in.'
            config-script          | server.termservice-down | 4  | 'I used a debloater on the office PC and now remote access fails'
            avd-agent              | azure.vm-agent-or-boot  | 12 | 'The session host shows Unavailable and the RDAgentBootLoader service will not start'
            avd-agent              | azure.vm-agent-or-boot  | 12 | 'Event 3277 INVALID_REGISTRATION_TOKEN on the session host'
            avd-agent              | azure.vm-agent-or-boot  | 12 | 'qwinsta shows rdp-sxs in the Down state'
            """)
    void eachFamilysTextRaisesItsRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    private Outputs withNego(String text) {
        return fire.fire(new CaseFacts(List.of(text), List.of(Fire.errconnect(NEGO)), Map.of(), List.of(), List.of(),
                Optional.empty()));
    }

    private List<String> ranked(String text, String... errconnect) {
        List<CodeFact> codes = java.util.Arrays.stream(errconnect).map(Fire::errconnect).toList();
        return diagnoser.diagnose(new CaseFacts(List.of(text), codes, Map.of(), List.of(), List.of(), Optional.empty()))
                .causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}
