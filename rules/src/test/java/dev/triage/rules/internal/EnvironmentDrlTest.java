package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.disconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnvironmentDrlTest {
    private final Fire fire = new Fire();

    @Test
    void azureLiftsTheSecurityGroupButNotTheKeyStoreOnItsOwn() {
        Outputs out = fire.text("my Azure VM");
        assertThat(out.contributions()).filteredOn(Contribution::lift)
                .extracting(Contribution::rule, Contribution::causeId, Contribution::weight).contains(
                        tuple("environment: an Azure VM makes a network security group likely", "azure.nsg", 6));
        assertThat(Fire.said(out)).extracting(said -> said.toList().get(1)).doesNotContain("cert.machinekeys-corrupt");
    }

    @Test
    void xrdpHasNoRemoteDesktopSwitchToBeOff() {
        assertThat(Fire.said(fire.text("xrdp on Debian: Remote access to the server is not enabled"))).contains(
                tuple("environment: xrdp has no Windows switch that disables Remote Desktop", "server.rdp-disabled", -8));
    }

    @Test
    void xrdpSessionLogsNamingLocalhostAreNotASelfConnection() {
        assertThat(Fire.said(fire.text("xrdp-sesman: connecting to sesman on 127.0.0.1:3350, login failed for display 0")))
                .contains(tuple("environment: xrdp's session log speaks of localhost for its own session manager",
                        "client.loopback-self-connect", -8));
    }

    @Test
    void xrdpAsServerSupportsImplementationDefects() {
        assertThat(Fire.pairs(fire.text("connecting to xrdp on Ubuntu")))
                .contains(tuple("environment: xrdp as the server brings its own defects", "server.rdp-implementation-bug"));
    }

    @Test
    void mstscLowersTheKnownHostsCauseUnlessAFreeRdpClientIsNamed() {
        String rule = "environment: mstsc has no known_hosts file";
        assertThat(Fire.pairs(fire.text("mstsc fails"))).contains(tuple(rule, "client.stale-cert-fingerprint"));
        assertThat(Fire.pairs(fire.text("mstsc works, xfreerdp fails"))).doesNotContain(
                tuple(rule, "client.stale-cert-fingerprint"));
    }

    @Test
    void wslSupportsNameAndPortCauses() {
        Outputs out = fire.fire(new CaseFacts(List.of("xrdp inside WSL2"), List.of(disconnect("0x204")), Map.of(),
                List.of(), List.of(), Optional.empty()));
        assertThat(Fire.pairs(out)).contains(
                tuple("environment: WSL or a local VM changes addresses behind a name", "net.dns-wrong"),
                tuple("environment: WSL or a local VM often uses another port", "net.port-changed"));
    }
}
