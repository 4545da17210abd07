package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The host firewall reported off, in the forms that name it as Windows (Defender) Firewall or say "completely" off
 * (firewall-ruled-out, session 12, branch listener): the test that still fails rules the host's firewall out, and with
 * ping answering the listener causes come before it.
 */
class FirewallRuledOutWordingTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest
    @ValueSource(strings = {
            "I turned off Windows Firewall on the server and RDP still times out.",
            "We disabled Windows Defender Firewall on the host, no change.",
            "The firewall is completely turned off and it still fails.",
            "Firewall completely disabled on both ends, still no RDP."})
    void theHostFirewallReportedOffIsRuledOut(String message) {
        fire.assertRaisesRow("firewall-ruled-out", "net.port-blocked", -5, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Windows Firewall is completely turned off on the server and RDP still fails with"
            + " Remote Desktop can't connect to the remote computer for one of these reasons. Ping works."})
    void aHostThatPingsWithItsFirewallOffLeadsWithTheListener(String message) {
        List<String> ranked = diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
        assertThat(ranked.get(0)).isIn("server.termservice-down", "server.rdp-disabled");
        assertThat(ranked.subList(0, 3)).contains("server.rdp-disabled", "server.termservice-down");
    }
}
