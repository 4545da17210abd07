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
 * Server side and tunnels (issue 13, round 2): RDP Wrapper's RDPCheck and RDPConf texts (stascorp/rdpwrap
 * src-rdpcheck and src-rdpconfig), a quarantined wrapper, the connection-limit dialog on a desktop edition, and frp's
 * "connect to local service" log line. Hosts, ports and builds are made up; the messages are the vendors' texts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSideWordingTest {
    private static final String CUSTOM_PORT_LOCAL =
            "mechanism: a custom port that works locally is the listener's own port";
    private static final String QUARANTINE =
            "mechanism: RDP Wrapper files in quarantine leave Remote Desktop Services unable to start";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            net.port-changed              | RDPCheck says Socket connection failed. RDPConf: Service state: Running, Listener state: Listening [fully supported]
            net.port-changed              | frpc: [E] [proxy.go:581] [rdp] connect to local service [10.1.2.3:3390] error: dial tcp 10.1.2.3:3390: connectex: No connection could be made because the target machine actively refused it.
            server.termservice-down       | Defender quarantined rdpwrap.dll as HackTool:Win32/RDPWrap and now the Remote Desktop service will not come up
            server.rdp-implementation-bug | Windows 11 Pro 23H2: The number of connections to this computer is limited and all connections are in use right now.
            server.rdp-implementation-bug | everything is green, still: The number of connections to this computer is limited and all connections are in use right now.
            client.loopback-self-connect  | RDPCheck: RDP is working, but the client doesn't allow loopback connections. Try to connect to your PC from another device in the network.
            net.port-blocked              | It works on localhost but from other PCs it fails. RDP runs on a custom port.
            """)
    void vendorMessageLeadsToItsCause(String cause, String message) {
        assertThat(ranked(CaseFacts.ofText(message)).get(0)).as(message).isEqualTo(cause);
    }

    @Test
    void rdpChecksSocketFailureHappensOnTheHostItself() {
        assertThat(Fire.said(fire.text("RDPCheck: Socket connection failed.")))
                .contains(tuple("text: a loopback dial on the host itself proves the host up and routed"
                        + " (rdpcheck-socket-failed lifts net.unreachable)", "net.unreachable", -8));
    }

    @Test
    void aTunnelThatReachedItsAgentIsNotAnUnreachableHost() {
        String message = "[E] [proxy.go:581] [rdp] connect to local service [192.168.1.20:3389] error: i/o timeout";

        assertThat(ranked(CaseFacts.ofText(message)).subList(0, 3)).doesNotContain("net.unreachable");
    }

    @Test
    void securitySoftwareBesideAWrapperWithoutQuarantineKeepsTheClientReading() {
        String message = "With ESET web protection on and RDPWrap installed, my outgoing RDP connections fail.";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(QUARANTINE, "server.termservice-down"));
    }

    @Test
    void theConnectionLimitOnAWindowsServerStaysAConnectionLimit() {
        String message = "Windows Server 2019: The number of connections to this computer is limited and all"
                + " connections are in use right now.";

        assertThat(ranked(CaseFacts.ofText(message)).get(0)).isEqualTo("server.max-connections");
    }

    @Test
    void rdpChecksLocalSuccessSaysNothingOfTheOtherClientsPort() {
        String message = "RDP Wrapper with a custom port 51451, RDPCheck works but other PCs cannot connect";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(CUSTOM_PORT_LOCAL, "net.port-changed"));
        assertThat(Fire.pairs(fire.text("custom RDP port 51451, it works on localhost only")))
                .contains(tuple(CUSTOM_PORT_LOCAL, "net.port-changed"));
    }

    private List<String> ranked(CaseFacts facts) {
        return diagnoser.diagnose(facts).causeIds();
    }
}
