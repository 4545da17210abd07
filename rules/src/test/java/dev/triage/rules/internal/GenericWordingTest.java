package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Precision (issue 13): a bare word every failure uses ("disconnected", the port number, "updated", "NLA", "domain
 * controller") weighs a fraction of the vendor message or setting that names the mechanism, a setup lift needs the
 * symptom it was written for, and one fact printed twice counts once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GenericWordingTest {
    private static final String VPN_DROPS = "environment: drops through a VPN point at the tunnel";

    private final Fire fire = new Fire();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            drop-word      | net.vpn-unstable   | 2  | 'RDP disconnected! 519'
            unstable       | net.vpn-unstable   | 5  | 'heavy packet loss on the link, the MTU looks wrong'
            rdp-port       | net.port-blocked   | 1  | 'connecting to 10.0.0.5:3389 from the office'
            firewall       | net.port-blocked   | 1  | 'the Windows firewall has no inbound rule for it'
            update-word    | update.regression  | 2  | 'the server is fully updated'
            update         | update.regression  | 6  | 'it stopped working after the update KB5041580'
            nla-word       | nla.mismatch       | 3  | 'I turned NLA off on the server, same thing'
            nla            | nla.mismatch       | 9  | 'The remote computer requires Network Level Authentication'
            dc-word        | nla.dc-unreachable | 3  | 'I cannot RDP to the domain controller either'
            dc-uncontacted | nla.dc-unreachable | 10 | 'but your Windows domain controller cannot be contacted to perform NLA'
            """)
    void eachFamilyRaisesItsOwnRow(String family, String cause, int weight, String message) {
        assertThat(rowsFor(message, cause)).as(message).contains(tuple("(" + family + " -> " + cause + ")", weight));
    }

    @ParameterizedTest(name = "{0} does not raise {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'RDP disconnected! 519'                      | unstable | net.vpn-unstable
            'connecting to 10.0.0.5:3389 from the office' | firewall | net.port-blocked
            'the server is fully updated'                 | update   | update.regression
            'I turned NLA off on the server, same thing'  | nla      | nla.mismatch
            'I cannot RDP to the domain controller either' | lsa      | nla.dc-unreachable
            """)
    void aBareWordDoesNotRaiseTheStrongFamily(String message, String family, String cause) {
        assertThat(rowsFor(message, cause)).extracting(t -> t.toList().get(0))
                .doesNotContain("(" + family + " -> " + cause + ")");
    }

    @Test
    void aVpnWithoutDropsGetsOnlyTheSmallLift() {
        List<Tuple> said = Fire.pairs(fire.text("Over the VPN I could not connect and the PC does not answer ping"));

        assertThat(said).doesNotContain(tuple(VPN_DROPS, "net.vpn-unstable"));
    }

    @Test
    void aVpnWithDropsGetsTheFullLift() {
        assertThat(Fire.said(fire.text("Over the VPN the session keeps disconnecting every few minutes")))
                .contains(tuple(VPN_DROPS, "net.vpn-unstable", 4));
        assertThat(Fire.said(fire.text("RDP through our VPN, the connection was dropped twice today")))
                .contains(tuple(VPN_DROPS, "net.vpn-unstable", 4));
    }

    @Test
    void freerdpsNegotiationCodeAndItsOwnMessageCountOnce() {
        CaseFacts facts = new CaseFacts(List.of("ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED [0x0002000C]\nError: protocol"
                + " security negotiation or connection failure"),
                List.of(Fire.errconnect("ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED")), Map.of(), List.of(), List.of(),
                Optional.empty());

        int total = Fire.said(fire.fire(facts)).stream().filter(t -> t.toList().get(1).equals("nla.mismatch"))
                .mapToInt(t -> (Integer) t.toList().get(2)).sum();
        int code = Fire.said(fire.codes(Fire.errconnect("ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED"))).stream()
                .filter(t -> t.toList().get(1).equals("nla.mismatch")).mapToInt(t -> (Integer) t.toList().get(2)).sum();
        assertThat(total).isEqualTo(code);
    }

    @Test
    void theDomainControllerInsideTheMessageCountsOnce() {
        String message = "requires Network Level Authentication (NLA), but your Windows domain controller cannot be"
                + " contacted to perform NLA";

        int words = rowsFor(message, "nla.dc-unreachable").stream()
                .filter(t -> ((String) t.toList().get(0)).startsWith("(dc-"))
                .mapToInt(t -> (Integer) t.toList().get(1)).sum();
        assertThat(words).as("dc-word stands in for dc-uncontacted (stand-ins.tsv)").isEqualTo(10);
    }

    @Test
    void theSecurityGroupInsideNetworkSecurityGroupCountsOnce() {
        String rule = "mechanism: the security group inside 'network security group' counts once";

        assertThat(Fire.said(fire.text("I edited the network security group yesterday")))
                .contains(tuple(rule, "net.port-blocked", -3));
        assertThat(Fire.pairs(fire.text("The Windows firewall on the VM blocks it, and the network security group too")))
                .doesNotContain(tuple(rule, "net.port-blocked"));
    }

    /** ("(family -> cause)", weight) of the table rows that spoke for {@code cause}. */
    private List<Tuple> rowsFor(String message, String cause) {
        return Fire.said(fire.text(message)).stream()
                .filter(t -> t.toList().get(1).equals(cause))
                .map(t -> {
                    String rule = (String) t.toList().get(0);
                    int open = rule.lastIndexOf('(');
                    return tuple(open < 0 ? rule : rule.substring(open), t.toList().get(2));
                }).toList();
    }
}
