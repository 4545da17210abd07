package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.disconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswersDrlTest {
    private final Fire fire = new Fire();

    @Test
    void azureAnswerLiftsNsgAndMachineKeys() {
        assertThat(Fire.said(fire.answers(Map.of("environment", "azure")))).contains(
                tuple("answers: an Azure VM lifts its security group", "azure.nsg", 8),
                tuple("answers: an Azure VM lifts a corrupt MachineKeys folder", "cert.machinekeys-corrupt", 6),
                tuple("answers: an Azure VM may not have booted or its agent is broken", "azure.vm-agent-or-boot", 5));
    }

    @Test
    void otherHostsWorkingLiftsServerCausesAndLowersClientAndPathCauses() {
        var said = Fire.said(fire.answers(Map.of("other-hosts-work", "yes")));
        assertThat(said).contains(
                tuple("answers: other hosts work, so the fault is on this server", "cert.expired", 6),
                tuple("answers: other hosts work, so neither this PC nor its network path is at fault",
                        "net.vpn-unstable", -6),
                tuple("answers: other hosts work, so neither this PC nor its network path is at fault",
                        "client.av-blocking", -6));
    }

    @Test
    void ipWorkingSupportsDnsAndLowersReachability() {
        assertThat(Fire.said(fire.answers(Map.of("ip-works", "yes")))).contains(
                tuple("answers: the IP works where the name fails", "net.dns-wrong", 12),
                tuple("answers: the IP works, so the host and port are reachable", "net.port-blocked", -6));
    }

    @Test
    void vpnAnswerLiftsVpnInstability() {
        assertThat(Fire.said(fire.answers(Map.of("vpn", "vpn")))).contains(
                tuple("answers: through a VPN", "net.vpn-unstable", 8));
    }

    @Test
    void unansweredOptionsAreEvaluatedAsHypotheses() {
        Outputs out = fire.answers(Map.of(), disconnect("0x904"));
        assertThat(out.contributions()).filteredOn(Contribution::hypothetical)
                .extracting(c -> ((Answer) c.fact()).questionId() + "=" + ((Answer) c.fact()).value())
                .contains("environment=azure", "vpn=vpn", "ip-works=yes", "other-hosts-work=yes");
        assertThat(Fire.said(out)).noneMatch(t -> t.toList().get(0).toString().startsWith("answers:"));
    }
}
