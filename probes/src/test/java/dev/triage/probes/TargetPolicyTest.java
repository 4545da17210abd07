package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static PolicyDecision decide(TargetPolicy policy, String host, int port, String... addresses) {
        return policy.decide(new Target(host, port), List.of(addresses).stream().map(TargetPolicyTest::ip).toList());
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, a loopback address, 127.0.0.1/32",
        "127.5.6.7, a loopback address, 127.5.6.7/32",
        "169.254.169.254, a link-local address (the cloud metadata service), 169.254.169.254/32",
        "169.254.10.1, a link-local address, 169.254.10.1/32",
        "0.0.0.0, an unspecified (\"this network\") address, 0.0.0.0/32",
        "224.0.0.251, a multicast address, 224.0.0.251/32",
        "::1, the loopback address, ::1/128",
        "fe80::1, a link-local address, fe80::1/128",
        "ff02::1, a multicast address, ff02::1/128",
        ":: , the unspecified address, ::/128",
    })
    void specialAddressesAreDeniedEvenByAnAllowAllEntry(String address, String what, String example) {
        TargetPolicy policy = TargetPolicy.of("0.0.0.0/0", "::/0");

        PolicyDecision decision = decide(policy, address, 3389, address);

        assertThat(decision).isInstanceOf(PolicyDecision.Denied.class);
        assertThat(decision.reason()).isEqualTo(address + " is " + what
                + "; probing it needs an explicit allow entry such as " + example);
    }

    @Test
    void reasonForLoopbackReadsAsAUserWouldWantIt() {
        PolicyDecision decision = decide(TargetPolicy.denyAll(), "127.0.0.1", 3389, "127.0.0.1");

        assertThat(decision.reason()).isEqualTo(
                "127.0.0.1 is a loopback address; probing it needs an explicit allow entry such as 127.0.0.1/32");
    }

    @Test
    void ipv4MappedLoopbackIsStillLoopback() {
        PolicyDecision decision = decide(TargetPolicy.of("0.0.0.0/0", "::/0"), "::ffff:127.0.0.1", 3389,
                "::ffff:127.0.0.1");

        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).startsWith("127.0.0.1 is a loopback address");
    }

    @Test
    void ipv4CompatibleMetadataAddressIsStillLinkLocal() throws Exception {
        InetAddress compatible = InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            (byte) 169, (byte) 254, (byte) 169, (byte) 254});
        PolicyDecision decision = TargetPolicy.of("::/0", "0.0.0.0/0").decide(Target.of("::a9fe:a9fe"),
                List.of(compatible));

        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).contains("metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1/32", "127.0.0.1", "::ffff:127.0.0.1/128"})
    void entryNamingTheExactLoopbackAddressAllowsIt(String entry) {
        PolicyDecision decision = decide(TargetPolicy.of(entry), "127.0.0.1", 3389, "127.0.0.1");

        assertThat(decision).isInstanceOf(PolicyDecision.Allowed.class);
        assertThat(((PolicyDecision.Allowed) decision).address()).isEqualTo(ip("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.0/8", "127.0.0.0/31", "169.254.0.0/16", "0.0.0.0/0"})
    void widerEntryInsideOrAroundASpecialBlockDoesNotAllowIt(String entry) {
        PolicyDecision loopback = decide(TargetPolicy.of(entry), "127.0.0.1", 3389, "127.0.0.1");
        PolicyDecision metadata = decide(TargetPolicy.of(entry), "169.254.169.254", 3389, "169.254.169.254");

        assertThat(loopback.isAllowed()).isFalse();
        assertThat(metadata.isAllowed()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "168.63.129.16, 'the Azure WireServer (the Azure platform endpoint for DNS, DHCP, health probes and the VM agent)', 168.63.129.16/32",
        "100.100.100.200, the Alibaba Cloud metadata service, 100.100.100.200/32",
        "fd00:ec2::254, the AWS instance metadata service (IPv6), fd00:ec2::254/128",
        "fd00:ec2::23, the AWS instance metadata service (IPv6), fd00:ec2::23/128",
        "169.254.169.254, a link-local address (the cloud metadata service), 169.254.169.254/32",
        "255.255.255.255, the broadcast address, 255.255.255.255/32",
        "0.1.2.3, an unspecified (\"this network\") address, 0.1.2.3/32",
    })
    void cloudControlAddressesAreDeniedByAnyWideEntryNamingWhatTheyAre(String address, String what, String example) {
        TargetPolicy policy = TargetPolicy.of("0.0.0.0/0", "::/0", "100.64.0.0/10", "fd00::/8", "168.63.0.0/16");

        PolicyDecision decision = decide(policy, address, 3389, address);

        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).isEqualTo(address + " is " + what
                + "; probing it needs an explicit allow entry such as " + example);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:168.63.129.16", "::ffff:100.100.100.200", "::ffff:169.254.169.254",
        "::ffff:0.0.0.0", "::ffff:255.255.255.255", "::ffff:224.0.0.1"})
    void ipv4MappedFormsOfSpecialAddressesAreDeniedToo(String mapped) {
        PolicyDecision decision = decide(TargetPolicy.of("0.0.0.0/0", "::/0"), mapped, 3389, mapped);

        assertThat(decision.isAllowed()).as(decision.reason()).isFalse();
        assertThat(decision.reason()).contains("probing it needs an explicit allow entry");
    }

    @ParameterizedTest
    @CsvSource({"168.63.129.16", "100.100.100.200", "fd00:ec2::254"})
    void nameUnderAnAllowedSuffixResolvingToACloudControlAddressIsDenied(String address) {
        PolicyDecision decision = decide(TargetPolicy.of(".corp.example.com"), "rdp.corp.example.com", 3389, address);

        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).startsWith("rdp.corp.example.com resolves to " + address + ", the ");
    }

    @Test
    void entryNamingACloudControlAddressExactlyAllowsIt() {
        assertThat(decide(TargetPolicy.of("168.63.129.16/32"), "168.63.129.16", 3389, "168.63.129.16").isAllowed())
                .isTrue();
        assertThat(decide(TargetPolicy.of("fd00:ec2::254/128"), "fd00:ec2::254", 3389, "fd00:ec2::254").isAllowed())
                .isTrue();
    }

    @Test
    void suffixEntryDoesNotAllowANameThatResolvesToLoopback() {
        PolicyDecision decision = decide(TargetPolicy.of(".corp.example.com"), "evil.corp.example.com", 3389,
                "127.0.0.1");

        assertThat(decision.isAllowed()).isFalse();
        assertThat(decision.reason()).startsWith("evil.corp.example.com resolves to 127.0.0.1, a loopback address");
    }

    @Test
    void suffixEntriesMatchSubdomainsAndTheBareFormAlsoTheNameItself() {
        TargetPolicy subdomainsOnly = TargetPolicy.of(".corp.example.com");
        TargetPolicy withApex = TargetPolicy.of("corp.example.com");

        assertThat(decide(subdomainsOnly, "rdp.corp.example.com", 3389, "10.0.0.5").isAllowed()).isTrue();
        assertThat(decide(subdomainsOnly, "corp.example.com", 3389, "10.0.0.5").isAllowed()).isFalse();
        assertThat(decide(withApex, "CORP.example.com.", 3389, "10.0.0.5").isAllowed()).isTrue();
        assertThat(decide(withApex, "notcorp.example.com", 3389, "10.0.0.5").isAllowed()).isFalse();
    }

    @Test
    void portListsRestrictTheEntry() {
        TargetPolicy policy = TargetPolicy.of("10.0.0.0/8:3389,3390");

        assertThat(decide(policy, "10.1.1.1", 3390, "10.1.1.1").isAllowed()).isTrue();
        PolicyDecision denied = decide(policy, "10.1.1.1", 22, "10.1.1.1");
        assertThat(denied.isAllowed()).isFalse();
        assertThat(denied.reason()).isEqualTo(
                "port 22 is not allowed for 10.1.1.1: entry '10.0.0.0/8:3389,3390' allows only ports 3389, 3390");
    }

    @Test
    void entryWithoutPortsAllowsOnlyTheRdpPort() {
        TargetPolicy policy = TargetPolicy.of("10.0.0.0/8", ".corp.example.com");

        assertThat(decide(policy, "10.1.1.1", 3389, "10.1.1.1").isAllowed()).isTrue();
        assertThat(decide(policy, "rdp.corp.example.com", 3389, "192.168.1.5").isAllowed()).isTrue();
        PolicyDecision ssh = decide(policy, "10.1.1.1", 22, "10.1.1.1");
        assertThat(ssh.isAllowed()).isFalse();
        assertThat(ssh.reason()).isEqualTo("port 22 is not allowed for 10.1.1.1: entry '10.0.0.0/8' names no ports,"
                + " so it allows only the RDP port 3389");
        assertThat(decide(policy, "rdp.corp.example.com", 445, "192.168.1.5").reason()).isEqualTo(
                "port 445 is not allowed for rdp.corp.example.com (192.168.1.5): entry '.corp.example.com' names no"
                        + " ports, so it allows only the RDP port 3389");
    }

    @Test
    void portRangesAllowEveryPortInsideAndNoOther() {
        TargetPolicy policy = TargetPolicy.of("10.0.0.0/8:3389,50000-50100");

        assertThat(decide(policy, "10.1.1.1", 50000, "10.1.1.1").isAllowed()).isTrue();
        assertThat(decide(policy, "10.1.1.1", 50100, "10.1.1.1").isAllowed()).isTrue();
        assertThat(decide(policy, "10.1.1.1", 50101, "10.1.1.1").reason()).isEqualTo(
                "port 50101 is not allowed for 10.1.1.1: entry '10.0.0.0/8:3389,50000-50100' allows only ports"
                        + " 3389, 50000-50100");
    }

    @Test
    void anotherEntryCoveringTheAddressWithThePortAllowsIt() {
        TargetPolicy policy = TargetPolicy.of("10.0.0.0/8", "10.1.0.0/16:3390");

        assertThat(decide(policy, "10.1.1.1", 3390, "10.1.1.1").isAllowed()).isTrue();
        assertThat(decide(policy, "10.2.1.1", 3390, "10.2.1.1").isAllowed()).isFalse();
    }

    @Test
    void nameMatchingNoSuffixIsDeniedBeforeResolvingWhenNoBlockIsAllowed() {
        TargetPolicy policy = TargetPolicy.of(".corp.example.com");

        assertThat(policy.decideBeforeResolving(Target.of("c2VjcmV0.exfil.attacker.example"))).get()
                .satisfies(d -> {
                    assertThat(d.isAllowed()).isFalse();
                    assertThat(d.checkedAddress()).isEmpty();
                    assertThat(d.reason()).isEqualTo("c2VjcmV0.exfil.attacker.example is under none of the allowed"
                            + " domain suffixes (.corp.example.com) and no address block is allowed, so it was not"
                            + " looked up in DNS");
                });
        assertThat(policy.decideBeforeResolving(Target.of("rdp.corp.example.com"))).isEmpty();
        assertThat(policy.decideBeforeResolving(new Target("rdp.corp.example.com", 22))).get()
                .extracting(PolicyDecision::reason).asString().startsWith("port 22 is not allowed for");
    }

    @Test
    void withABlockEntryAnyNameMayBeResolvedButAnEmptyListResolvesNothing() {
        assertThat(TargetPolicy.of("10.0.0.0/8").decideBeforeResolving(Target.of("anything.example.org"))).isEmpty();
        assertThat(TargetPolicy.denyAll().decideBeforeResolving(Target.of("anything.example.org"))).get()
                .extracting(PolicyDecision::reason).asString()
                .startsWith("no allow entries are configured, so anything.example.org may not be probed and was not"
                        + " looked up in DNS");
        assertThat(TargetPolicy.denyAll().decideBeforeResolving(Target.of("10.0.0.1"))).isEmpty();
    }

    @Test
    void firstAllowedAddressIsTheVettedOne() {
        PolicyDecision decision = decide(TargetPolicy.of("10.0.0.0/8"), "multi.example.com", 3389,
                "127.0.0.1", "10.2.3.4");

        assertThat(decision).isInstanceOf(PolicyDecision.Allowed.class);
        assertThat(decision.checkedAddress()).contains(ip("10.2.3.4"));
    }

    @Test
    void addressOutsideEveryEntryIsDeniedNamingIt() {
        PolicyDecision decision = decide(TargetPolicy.of("10.0.0.0/8"), "host.example.com", 3389, "192.168.1.5");

        assertThat(decision.reason()).isEqualTo("host.example.com (192.168.1.5) is not covered by any allow entry");
        assertThat(decision.target()).isEqualTo(Target.of("host.example.com"));
    }

    @Test
    void emptyPolicyExplainsThatNothingIsConfigured() {
        assertThat(decide(TargetPolicy.denyAll(), "10.0.0.1", 3389, "10.0.0.1").reason())
                .startsWith("no allow entries are configured");
    }

    @Test
    void ipv6BlocksWork() {
        TargetPolicy policy = TargetPolicy.of("2001:db8::/32", "[::1]:3390");

        assertThat(decide(policy, "2001:db8::5", 3389, "2001:db8::5").isAllowed()).isTrue();
        assertThat(decide(policy, "2001:db9::5", 3389, "2001:db9::5").isAllowed()).isFalse();
        assertThat(decide(policy, "::1", 3390, "::1").isAllowed()).isTrue();
        assertThat(decide(policy, "::1", 3389, "::1").isAllowed()).isFalse();
    }

    @Test
    void badEntriesAreAllReportedByName() {
        TargetPolicy.Parsed parsed = TargetPolicy.parse(List.of("10.0.0.0/33", "corp.example.com", "10.0.0.0/8:99999",
                "300.1.1.1", "", "::1/129", "bad host"));

        assertThat(parsed).isInstanceOf(TargetPolicy.Parsed.Invalid.class);
        assertThat(((TargetPolicy.Parsed.Invalid) parsed).problems()).containsExactly(
                "allow entry '10.0.0.0/33': '10.0.0.0/33' is not an IP address or CIDR block (e.g. 10.0.0.0/8, ::1/128)",
                "allow entry '10.0.0.0/8:99999': bad port list '99999'",
                "allow entry '300.1.1.1': '300.1.1.1' is neither a valid IPv4 address nor a domain name",
                "allow entry '': empty entry",
                "allow entry '::1/129': '::1/129' is not an IP address or CIDR block (e.g. 10.0.0.0/8, ::1/128)",
                "allow entry 'bad host': 'bad host' is not a domain suffix (e.g. corp.example.com or .corp.example.com)");
    }

    @Test
    void validEntriesAreKeptAsTyped() {
        TargetPolicy.Parsed parsed = TargetPolicy.parse(List.of(" 10.0.0.0/8 ", ".corp.example.com:3389"));

        assertThat(parsed).isInstanceOf(TargetPolicy.Parsed.Valid.class);
        assertThat(((TargetPolicy.Parsed.Valid) parsed).policy().entries())
                .containsExactly("10.0.0.0/8", ".corp.example.com:3389");
    }
}
