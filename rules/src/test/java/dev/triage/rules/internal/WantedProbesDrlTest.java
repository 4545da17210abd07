package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.finding;
import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WantedProbesDrlTest {
    private final Fire fire = new Fire();

    @Test
    void knownHostWantsEveryProbe() {
        assertThat(fire.findings().probes()).extracting(Wanted::name)
                .containsExactlyInAnyOrder("dns", "tcp", "rdp", "tls", "certificate", "ntlm");
    }

    @Test
    void closedPortStopsTheProbesThatNeedIt() {
        assertThat(fire.findings(finding("dns", "RESOLVED"), finding("tcp", "TIMEOUT")).probes()).isEmpty();
    }

    @Test
    void probesThatRanAreNotWantedAgain() {
        assertThat(fire.findings(finding("dns", "RESOLVED"), finding("tcp", "CONNECTED"),
                finding("rdp", "OK", "selectedProtocol", "HYBRID")).probes())
                .extracting(Wanted::name).containsExactlyInAnyOrder("tls", "certificate", "ntlm");
    }

    @Test
    void unknownHostWantsNoProbes() {
        assertThat(fire.fire(CaseFacts.ofText("Error code: 0x904")).probes()).isEmpty();
    }
}
