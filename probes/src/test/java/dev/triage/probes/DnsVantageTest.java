package dev.triage.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** A DNS result says whose view of DNS it is, so the rules can tell Triage's resolver from the users'. */
class DnsVantageTest {
    private static final Resolver NOTHING = host -> {
        throw new UnknownHostException(host + ": Name or service not known");
    };

    private static DnsResult dns(boolean shared) {
        try (Prober prober = Prober.builder().policy(TargetPolicy.of("10.0.0.0/8")).resolver(NOTHING)
                .sharedDns(shared).build()) {
            return prober.probe(Target.of("only-corporate-dns-knows.example.test")).get(DnsResult.class);
        }
    }

    @Test
    void byDefaultAFailedLookupIsTriagesOwnView() {
        DnsResult dns = dns(false);

        assertThat(dns.outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(dns.details()).containsEntry("vantage", "triage");
    }

    @Test
    void withSharedDnsTheLookupIsTheUsersView() {
        assertThat(dns(true).details()).containsEntry("vantage", "shared");
    }

    @Test
    void anIpLiteralHasNoVantage() {
        try (Prober prober = Prober.builder().policy(TargetPolicy.of("10.0.0.0/8")).resolver(NOTHING).build()) {
            assertThat(prober.probe(new Target("10.0.0.1", 22)).get(DnsResult.class).details())
                    .doesNotContainKey("vantage");
        }
    }
}
