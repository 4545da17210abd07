package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A policy narrowed by a scope allows only what both allow, and says which list refused. */
class NarrowedPolicyTest {
    private static final TargetPolicy CEILING = TargetPolicy.of("10.0.0.0/8", ".corp.example.com");

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static PolicyDecision decide(TargetPolicy policy, String host, String... addresses) {
        return policy.decide(Target.of(host), List.of(addresses).stream().map(NarrowedPolicyTest::ip).toList());
    }

    @Test
    void targetInsideBothListsIsAllowedNamingTheEntryOfEach() {
        TargetPolicy narrowed = CEILING.narrowedBy(TargetPolicy.of("10.1.0.0/16"), "probes.scopes line 4");

        PolicyDecision decision = decide(narrowed, "10.1.2.3", "10.1.2.3");

        assertThat(decision).isInstanceOf(PolicyDecision.Allowed.class);
        assertThat(((PolicyDecision.Allowed) decision).rule())
                .isEqualTo("10.0.0.0/8 + probes.scopes line 4 '10.1.0.0/16'");
        assertThat(decision.reason()).isEqualTo("10.1.2.3 is allowed by entry '10.0.0.0/8', and by probes.scopes"
                + " line 4 entry '10.1.0.0/16'");
    }

    @Test
    void targetTheCeilingAllowsButTheScopeDoesNotIsDeniedInTheScopesName() {
        TargetPolicy narrowed = CEILING.narrowedBy(TargetPolicy.of("10.1.0.0/16"), "probes.scopes line 4");

        PolicyDecision decision = decide(narrowed, "10.2.0.9", "10.2.0.9");

        assertThat(decision).isInstanceOf(PolicyDecision.Denied.class);
        assertThat(decision.reason()).isEqualTo("probes.scopes line 4: 10.2.0.9 is not covered by any allow entry");
    }

    @Test
    void scopeCannotWidenTheCeiling() {
        TargetPolicy narrowed = CEILING.narrowedBy(TargetPolicy.of("192.0.2.0/24", "127.0.0.1/32"), "scope");

        assertThat(decide(narrowed, "192.0.2.7", "192.0.2.7").reason())
                .isEqualTo("192.0.2.7 is not covered by any allow entry");
        assertThat(decide(narrowed, "127.0.0.1", "127.0.0.1").isAllowed()).isFalse();
    }

    @Test
    void portsMustSuitBothLists() {
        TargetPolicy ceiling = TargetPolicy.of("10.0.0.0/8:3389,3390");
        TargetPolicy narrowed = ceiling.narrowedBy(TargetPolicy.of("10.0.0.0/8"), "scope");

        PolicyDecision decision = narrowed.decide(new Target("10.0.0.1", 3390), List.of(ip("10.0.0.1")));

        assertThat(decision.reason()).isEqualTo("scope: port 3390 is not allowed for 10.0.0.1: entry '10.0.0.0/8'"
                + " names no ports, so it allows only the RDP port 3389");
    }

    @Test
    void firstAddressBothListsAllowIsTheOneChecked() {
        TargetPolicy narrowed = CEILING.narrowedBy(TargetPolicy.of("10.9.0.0/16"), "scope");

        PolicyDecision decision = decide(narrowed, "rdp.corp.example.com", "10.1.0.1", "10.9.0.1");

        assertThat(decision.isAllowed()).isTrue();
        assertThat(decision.checkedAddress()).contains(ip("10.9.0.1"));
    }

    @Test
    void nameOutsideTheScopesSuffixesIsRefusedBeforeResolving() {
        TargetPolicy narrowed = CEILING.narrowedBy(TargetPolicy.of(".lab.corp.example.com"), "scope");

        assertThat(narrowed.decideBeforeResolving(Target.of("rdp.corp.example.com"))).get()
                .extracting(PolicyDecision::reason).asString().startsWith("scope: rdp.corp.example.com is under none");
        assertThat(narrowed.decideBeforeResolving(Target.of("rdp.lab.corp.example.com"))).isEmpty();
    }

    @Test
    void narrowingsStack() {
        TargetPolicy twice = CEILING.narrowedBy(TargetPolicy.of("10.1.0.0/16"), "first")
                .narrowedBy(TargetPolicy.of("10.1.1.0/24"), "second");

        assertThat(decide(twice, "10.1.1.1", "10.1.1.1").isAllowed()).isTrue();
        assertThat(decide(twice, "10.1.2.1", "10.1.2.1").reason()).startsWith("second: ");
        assertThat(twice.entries()).containsExactly("10.0.0.0/8", ".corp.example.com");
    }

    @Test
    void proberAppliesTheScopeForOneRunOnlyAndNeverLooksUpARefusedName() {
        List<String> queries = new CopyOnWriteArrayList<>();
        Resolver resolver = host -> {
            queries.add(host);
            return List.of(ip("10.1.0.5"));
        };
        try (Prober prober = Prober.builder().policy(CEILING).resolver(resolver).stepTimeout(Duration.ofMillis(200))
                .overallTimeout(Duration.ofMillis(400)).build()) {
            ProbeReport scoped = prober.probe(Target.of("rdp.corp.example.com"), TargetPolicy.of(".lab.example.com"),
                    "probes.scopes line 2", ProbeListener.NONE);
            assertThat(queries).isEmpty();
            assertThat(scoped.get(PolicyResult.class).summary()).startsWith("probes.scopes line 2: ");

            ProbeReport unscoped = prober.probe(new Target("10.1.0.5", 9), ProbeListener.NONE);
            assertThat(unscoped.get(PolicyResult.class).summary())
                    .as("the prober's own policy is unchanged").contains("port 9 is not allowed");
        }
    }
}
