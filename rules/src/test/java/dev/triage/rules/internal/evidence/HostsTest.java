package dev.triage.rules.internal.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostsTest {
    @Test
    void aShortNameAndItsFullNameAreTheSameHost() {
        assertThat(Hosts.same("srv1", "SRV1.corp.example:3389")).isTrue();
        assertThat(Hosts.same("srv1.corp.example", "srv1")).isTrue();
    }

    @Test
    void differentNamesOrDifferentAddressesAreDifferentHosts() {
        assertThat(Hosts.same("srv1", "srv2.corp.example")).isFalse();
        assertThat(Hosts.same("10.0.0.1", "10.0.0.2:3389")).isFalse();
        assertThat(Hosts.same("[2001:db8::1]:3389", "2001:db8::1")).isTrue();
    }

    @Test
    void anAddressAgainstANameOrAnUnknownHostCountsAsTheSame() {
        assertThat(Hosts.same("10.0.0.1", "srv1")).isTrue();
        assertThat(Hosts.same("", "srv1")).isTrue();
    }
}
