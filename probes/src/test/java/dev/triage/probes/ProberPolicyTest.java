package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a whole run does with a target the policy refuses: which DNS queries it makes and that it never connects.
 * The resolver is a recording fake, so no query leaves the machine and every query is counted.
 */
class ProberPolicyTest {
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    /** Answers every query with {@code address}, recording the name asked for. */
    private Resolver answering(String address) {
        return host -> {
            queries.add(host);
            return List.of(InetAddress.getByName(address));
        };
    }

    private ProbeReport probe(TargetPolicy policy, Resolver resolver, Target target) {
        try (Prober prober = Prober.builder().policy(policy).resolver(resolver)
                .stepTimeout(Duration.ofMillis(500)).overallTimeout(Duration.ofSeconds(1)).build()) {
            return prober.probe(target, new ProbeListener() {
                @Override
                public void stepStarted(Target t, String step) {
                    started.add(step);
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"168.63.129.16", "100.100.100.200", "fd00:ec2::254", "169.254.169.254", "127.0.0.1"})
    void nameUnderAnAllowedSuffixResolvingToAControlAddressIsDeniedWithoutConnecting(String address) {
        ProbeReport report = probe(TargetPolicy.of(".corp.example.com"), answering(address),
                Target.of("rdp.corp.example.com"));

        assertThat(queries).containsExactly("rdp.corp.example.com");
        assertThat(report.get(PolicyResult.class).outcome()).isEqualTo(Outcome.DENIED);
        assertThat(report.get(PolicyResult.class).summary())
                .startsWith("rdp.corp.example.com resolves to " + address + ", ");
        assertThat(report.get(TcpResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(started).containsExactly("dns", "policy");
    }

    @Test
    void emptyAllowListMakesNoDnsQuery() {
        ProbeReport report = probe(TargetPolicy.denyAll(), answering("10.0.0.5"),
                Target.of("c2VjcmV0.exfil.attacker.example"));

        assertThat(queries).isEmpty();
        assertThat(report.get(DnsResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.get(DnsResult.class).summary()).isEqualTo("not looked up: the target policy refuses "
                + "c2VjcmV0.exfil.attacker.example whatever it resolves to");
        assertThat(report.get(PolicyResult.class).outcome()).isEqualTo(Outcome.DENIED);
        assertThat(report.get(PolicyResult.class).summary()).startsWith("no allow entries are configured");
        assertThat(report.decision()).get().extracting(PolicyDecision::isAllowed).isEqualTo(false);
        assertThat(started).containsExactly("policy");
    }

    @Test
    void nameOutsideEverySuffixIsNotQueriedWhenOnlySuffixEntriesExist() {
        ProbeReport report = probe(TargetPolicy.of(".corp.example.com", "lab.example.net:3390"),
                answering("10.0.0.5"), Target.of("c2VjcmV0.exfil.attacker.example"));

        assertThat(queries).isEmpty();
        assertThat(report.get(DnsResult.class).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(report.get(PolicyResult.class).outcome()).isEqualTo(Outcome.DENIED);
        assertThat(report.get(PolicyResult.class).summary()).contains("so it was not looked up in DNS");
    }

    @Test
    void nameOnAPortNoEntryAllowsIsNotQueried() {
        ProbeReport report = probe(TargetPolicy.of(".corp.example.com"), answering("10.0.0.5"),
                new Target("rdp.corp.example.com", 22));

        assertThat(queries).isEmpty();
        assertThat(report.get(PolicyResult.class).summary()).startsWith("port 22 is not allowed for");
    }

    @Test
    void withABlockEntryTheNameIsResolvedOnceThroughTheConfiguredResolver() {
        ProbeReport report = probe(TargetPolicy.of("10.0.0.0/8"), answering("192.168.1.5"),
                Target.of("rdp.example.org"));

        assertThat(queries).containsExactly("rdp.example.org");
        assertThat(report.get(PolicyResult.class).summary())
                .isEqualTo("rdp.example.org (192.168.1.5) is not covered by any allow entry");
    }

    @Test
    void portOutsideTheEntryIsRefusedWithoutConnecting() {
        ProbeReport report = probe(TargetPolicy.of("10.0.0.0/8"), host -> {
            throw new UnknownHostException("an IP literal is never looked up");
        }, new Target("10.1.2.3", 22));

        assertThat(report.get(PolicyResult.class).outcome()).isEqualTo(Outcome.DENIED);
        assertThat(report.get(PolicyResult.class).summary()).isEqualTo(
                "port 22 is not allowed for 10.1.2.3: entry '10.0.0.0/8' names no ports, so it allows only the RDP"
                        + " port 3389");
        assertThat(started).doesNotContain("tcp");
    }
}
