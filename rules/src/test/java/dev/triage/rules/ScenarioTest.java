package dev.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole diagnoses: facts in, expected leading cause out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioTest {
    private static final List<String> NOTES_CAUSES = List.of("net.vpn-unstable", "net.dns-wrong", "net.port-blocked",
            "net.idle-reset", "client.av-blocking", "client.outdated-app", "cert.expired", "cert.wmi-broken",
            "cert.private-key-permission", "cert.machinekeys-corrupt", "nla.mismatch", "server.max-connections",
            "update.regression", "profile.corrupt", "azure.nsg");
    /** The source notes' readings of a closed socket as the path closing it (socket-closed.drl). */
    private static final List<String> NOTES_PATH_CAUSES = List.of("net.vpn-unstable", "net.dns-wrong",
            "net.port-blocked", "net.idle-reset", "client.av-blocking");
    private static final List<String> SERVER_SIDE = List.of("cert.", "server.", "nla.", "tls.", "profile.", "auth.",
            "license.", "session.", "credssp.");

    private final Diagnoser diagnoser = Diagnoser.create();

    private static final String FREERDP_HOST_KEY_LOG = """
            [12:01:22:123] [4711:4712] [WARN][com.freerdp.crypto] - Certificate verification failure 'self signed certificate (18)' at stack position 0
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            @           WARNING: CERTIFICATE NAME MISMATCH!           @
            @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
            The host key for srv01:3389 has changed
            Host key verification failed.
            [ERROR][com.freerdp.core] - transport_connect_tls:freerdp_set_last_error_ex ERRCONNECT_TLS_CONNECT_FAILED
            """;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("expired account dialog", text("""
                        [Window Title] Remote Desktop Connection
                        [Content] This user account has expired. For assistance, contact your system administrator.
                        Error code: 0xe07 Extended error code: 0x0""",
                        new CodeFact("disconnect", "0xe07", 0xe07, "SSL_ERR_ACCOUNT_EXPIRED"),
                        new CodeFact("extended", "0x0", 0, "exDiscReasonNoInfo")),
                        List.of("auth.account-locked-or-expired")),
                Arguments.of("FreeRDP host key changed", text(FREERDP_HOST_KEY_LOG,
                        new CodeFact("errconnect", "ERRCONNECT_TLS_CONNECT_FAILED", 0, "ERRCONNECT_TLS_CONNECT_FAILED")),
                        List.of("client.stale-cert-fingerprint")),
                Arguments.of("CredSSP encryption oracle", text("""
                        An authentication error has occurred. The function requested is not supported.
                        Remote computer: 10.1.2.3. This could be due to CredSSP encryption oracle remediation."""),
                        List.of("credssp.oracle-remediation")),
                Arguments.of("0x904 dialog, certificate probe EXPIRED",
                        Cases.dialog0x904(Map.of(), List.of(finding("tcp", "CONNECTED"), finding("rdp", "OK", "selectedProtocol", "HYBRID"),
                                finding("tls", "OK"), finding("certificate", "EXPIRED", "daysLeft", "-12"))),
                        List.of("cert.expired")),
                Arguments.of("0x904 dialog, tcp TIMEOUT",
                        Cases.dialog0x904(Map.of(), List.of(finding("dns", "RESOLVED"), finding("tcp", "TIMEOUT"))),
                        List.of("net.port-blocked", "azure.nsg")),
                Arguments.of("0x204 dialog, tcp TIMEOUT on Azure",
                        new CaseFacts(List.of("Error code: 0x204"), List.of(new CodeFact("disconnect", "0x204", 0x204, "")),
                                Map.of("environment", "azure"), List.of(), List.of(finding("tcp", "TIMEOUT")), Optional.of("vm1")),
                        List.of("azure.nsg", "net.port-blocked")),
                Arguments.of("0x904 dialog, IP works where the name fails",
                        Cases.dialog0x904(Map.of("ip-works", "yes"), List.of()), List.of("net.dns-wrong")),
                // Every server denying this PC through the VPN: the denial is the servers' answer (extended 0x7,
                // exDiscReasonServerDeniedConnection), so the tunnel carried the connection; what every server refuses
                // is this client (socket-closed.drl). Through the VPN with a closed socket alone, the tunnel leads.
                Arguments.of("0x904 / 0x7 dialog through a VPN, nothing works",
                        Cases.dialog0x904(Map.of("vpn", "vpn", "other-hosts-work", "no"), List.of()),
                        List.of("client.outdated-app")),
                Arguments.of("0x904 alone through a VPN, nothing works",
                        Cases.closedSocket(Map.of("vpn", "vpn", "other-hosts-work", "no")),
                        List.of("net.vpn-unstable")),
                Arguments.of("probe: server without a certificate",
                        Cases.dialog0x904(Map.of(), List.of(finding("rdp", "FAILURE", "failureCode", "SSL_CERT_NOT_ON_SERVER"))),
                        List.of("cert.private-key-permission", "cert.machinekeys-corrupt")),
                Arguments.of("protocol error 0x112f", text(
                        "Because of a protocol error (code: 0x112f), the remote session will be disconnected.",
                        new CodeFact("errinfo", "0x112f", 0x112f, "ERRINFO_GRAPHICS_SUBSYSTEM_FAILED")),
                        List.of("session.display-driver")),
                Arguments.of("no license server", text("""
                        The remote session was disconnected because there are no Remote Desktop License Servers \
                        available to provide a license."""), List.of("license.no-server")),
                Arguments.of("Local Security Authority", text("""
                        An authentication error has occurred. The Local Security Authority cannot be contacted."""),
                        List.of("nla.dc-unreachable")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void leadingCauseIsExpected(String name, CaseFacts facts, List<String> expectedTop) {
        Diagnosis d = diagnoser.diagnose(facts);
        assertThat(d.causes()).as(name).isNotEmpty();
        assertThat(expectedTop).as(name + ": " + ids(d).subList(0, Math.min(5, d.causes().size())))
                .contains(d.causes().get(0).id());
    }

    /**
     * A closed socket alone (0x904, disconnectReasonAtClientWinsockFDCLOSE, "Socket closed") names the source notes'
     * causes, the path's among them, and asks whether the IP works and other hosts do.
     */
    @Test
    void aClosedSocketAloneNamesTheSourceNotesCausesAndAsks() {
        Diagnosis d = diagnoser.diagnose(Cases.closedSocket(Map.of()));
        assertThat(ids(d)).containsAll(NOTES_PATH_CAUSES);
        assertThat(ids(d).subList(0, 10)).filteredOn(NOTES_CAUSES::contains).hasSizeGreaterThanOrEqualTo(6);
        assertThat(d.questions()).extracting(Question::id).contains("other-hosts-work");
        assertThat(d.questions().get(0).id()).isNotEqualTo("target-host");
    }

    /**
     * The 0x904 / 0x7 dialog is decided by Microsoft's documentation of the extended code, not by the source notes:
     * 0x7 is exDiscReasonServerDeniedConnection, "The server denied the connection" (Microsoft Learn,
     * ExtendedDisconnectReasonCode; MS-RDPBCGR 2.2.5.1.1 ERRINFO_SERVER_DENIED_CONNECTION, which the server sends), so
     * the server was reached and the closed socket is its own. The notes' claim that a middlebox's reset "manifests as
     * extended error 0x7" (reference/sources) has no Microsoft source; their server-side causes lead, the path's
     * readings of the closed socket (socket-closed.drl) are not read.
     */
    @Test
    void dialog0x904WithTheServersDenialLeadsWithTheServerSide() {
        Diagnosis d = diagnoser.diagnose(Cases.dialog0x904(Map.of(), List.of()));
        assertThat(ids(d).subList(0, 3)).allMatch(id -> SERVER_SIDE.stream().anyMatch(id::startsWith));
        assertThat(ids(d).subList(0, 10)).filteredOn(NOTES_CAUSES::contains).hasSizeGreaterThanOrEqualTo(6);
        assertThat(ids(d).subList(0, 5)).doesNotContainAnyElementsOf(NOTES_PATH_CAUSES);
        assertThat(d.questions().get(0).id()).isNotEqualTo("target-host");
    }

    /**
     * "Azure VM" proposes the security group and the VM's boot and lifts MachineKeys, but it cannot outweigh what the
     * 0x904 / 0x7 codes say: an answer an Azure cause needs is at most about six points likelier under it (5 of 32
     * development threads with another cause said Azure; answers.tsv), so the answer raises, it does not lead.
     */
    @Test
    void dialog0x904OnAzureRaisesNsgAndMachineKeys() {
        Diagnosis before = diagnoser.diagnose(Cases.dialog0x904(Map.of(), List.of()));
        Diagnosis d = diagnoser.diagnose(Cases.dialog0x904(Map.of("environment", "azure"), List.of()));
        assertThat(ids(d).subList(0, 8)).contains("azure.nsg", "cert.machinekeys-corrupt");
        assertThat(ids(d).indexOf("cert.machinekeys-corrupt")).isLessThan(ids(before).indexOf("cert.machinekeys-corrupt"));
        assertThat(ids(d).indexOf("azure.nsg")).isLessThan(ids(before).indexOf("azure.nsg") < 0 ? Integer.MAX_VALUE
                : ids(before).indexOf("azure.nsg"));
        assertThat(ids(d)).contains("azure.vm-agent-or-boot");
        assertThat(d.questions()).extracting(Question::id).doesNotContain("environment");
    }

    /**
     * "Through a VPN" lifts the tunnel's drops for a closed socket (0x904), but alone it does not lead: 4 of the 10
     * development threads with another cause that say how they connect said VPN, so the answer is worth about +4
     * (answers.tsv). Beside the server's denial (extended 0x7, Microsoft: "The server denied the connection") the
     * tunnel carried the connection to the server, so the answer does not bring the VPN into the top three.
     */
    @Test
    void theVpnAnswerLiftsTheTunnelForAClosedSocketNotForTheServersDenial() {
        List<String> without = ids(diagnoser.diagnose(Cases.closedSocket(Map.of())));
        List<String> with = ids(diagnoser.diagnose(Cases.closedSocket(Map.of("vpn", "vpn"))));
        assertThat(without.get(0)).isNotEqualTo("net.vpn-unstable");
        assertThat(with.indexOf("net.vpn-unstable")).isLessThan(without.indexOf("net.vpn-unstable")).isLessThan(3);

        List<String> denied = ids(diagnoser.diagnose(Cases.dialog0x904(Map.of("vpn", "vpn"), List.of())));
        assertThat(denied.subList(0, 3)).doesNotContain("net.vpn-unstable");
    }

    @Test
    void dialog0x904WhenOtherHostsWorkLeadsWithAServerSideCause() {
        Diagnosis d = diagnoser.diagnose(Cases.dialog0x904(Map.of("other-hosts-work", "yes"), List.of()));
        assertThat(SERVER_SIDE).anyMatch(prefix -> d.causes().get(0).id().startsWith(prefix));
        int vpn = ids(d).indexOf("net.vpn-unstable");
        assertThat(ids(d).indexOf("cert.expired")).isLessThan(vpn < 0 ? Integer.MAX_VALUE : vpn);
    }

    @Test
    void healthyServerMovesWeightToClientAndNetwork() {
        List<ProbeFinding> healthy = List.of(finding("tcp", "CONNECTED"),
                finding("rdp", "OK", "selectedProtocol", "HYBRID"), finding("tls", "OK"),
                finding("certificate", "OK", "daysLeft", "150"));
        Diagnosis d = diagnoser.diagnose(Cases.dialog0x904(Map.of(), healthy));
        // The server answered and denied (extended 0x7, Microsoft: "The server denied the connection"), so with its
        // certificate and TLS healthy the weight goes to the client's side, not to a path that carried the connection.
        assertThat(d.causes().get(0).id()).startsWith("client.");
        assertThat(ids(d)).doesNotContain("cert.expired");
    }

    @Test
    void evidenceNamesTheRuleAndTheFactStrongestFirst() {
        RankedCause cert = diagnoser.diagnose(Cases.dialog0x904(Map.of(), List.of(finding("certificate", "EXPIRED"))))
                .causes().get(0);
        assertThat(cert.evidence().get(0).rule()).isEqualTo("probes: the certificate has expired");
        assertThat(cert.evidence()).extracting(Evidence::text)
                .contains("extended error code 0x7: the server denied the connection");
        assertThat(cert.evidence()).extracting(e -> Math.abs(e.weight())).isSortedAccordingTo((a, b) -> b - a);
        assertThat(cert.confidence()).isGreaterThan(0.5);
    }

    private static List<String> ids(Diagnosis d) {
        return d.causeIds();
    }

    private static CaseFacts text(String text, CodeFact... codes) {
        return Cases.text(text, List.of(codes));
    }

    private static ProbeFinding finding(String probe, String outcome, String... details) {
        Map<String, String> d = new java.util.HashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            d.put(details[i], details[i + 1]);
        }
        return new ProbeFinding(probe, outcome, d);
    }
}
