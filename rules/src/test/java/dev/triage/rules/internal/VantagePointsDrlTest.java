package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.ProbeFinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VantagePointsDrlTest {
    private static final String FAILED_TNC = "WARNING: TCP connect to (10.0.0.9 : 3389) failed\n"
            + "ComputerName : srv1\nRemoteAddress : 10.0.0.9\nRemotePort : 3389\nTcpTestSucceeded : False\n";
    private static final String OPEN_TNC = "ComputerName : srv1\nRemoteAddress : 10.0.0.9\nRemotePort : 3389\n"
            + "TcpTestSucceeded : True\n";

    private final Fire fire = new Fire();

    private Outputs fire(String text, ProbeFinding... findings) {
        return fire.fire(new CaseFacts(List.of(text), List.of(), Map.of(), List.of(), List.of(findings),
                Optional.of("srv1")));
    }

    @Test
    void openFromTriageButNotFromTheUserPointsAtTheUsersSide() {
        var said = Fire.said(fire(FAILED_TNC, finding("tcp", "CONNECTED")));
        assertThat(said).contains(
                tuple("vantage: open from Triage but not from the user: a firewall on the user's side or a source-address rule",
                        "net.port-blocked", 12),
                tuple("vantage: open from Triage but not from the user: security software on the user's PC",
                        "client.av-blocking", 7));
        assertThat(said).extracting(t -> t.toList().get(0)).doesNotContain(
                "probes: the port accepts connections, so no firewall blocks it unless the user's PC cannot connect");
    }

    @Test
    void aTestOfAnotherServerIsNotCompared() {
        String otherServer = FAILED_TNC.replace("srv1", "srv2");
        var said = Fire.said(fire(otherServer, finding("tcp", "CONNECTED")));
        assertThat(said).extracting(t -> t.toList().get(0)).doesNotContain(
                "vantage: open from Triage but not from the user: a firewall on the user's side or a source-address rule")
                .contains("probes: the port accepts connections, so no firewall blocks it unless the user's PC cannot connect");
    }

    @Test
    void theUserConnectsWhereTriageCannot() {
        assertThat(Fire.said(fire(OPEN_TNC, finding("tcp", "TIMEOUT")))).contains(
                tuple("vantage: the user's PC connects where Triage cannot: Triage's view is filtered", "net.port-blocked", -6));
    }

    @Test
    void differentAddressesFromTheTwoResolversPointAtDns() {
        String nslookup = "Server:  dc1\nAddress:  10.0.0.2\n\nName:    srv1.corp.example\nAddress:  10.0.0.99\n";
        assertThat(Fire.said(fire(nslookup, finding("dns", "RESOLVED", "addresses", "10.0.0.9,10.0.0.10")))).contains(
                tuple("vantage: the user's PC resolves the name to other addresses than Triage", "net.dns-wrong", 14));
        assertThat(Fire.said(fire(nslookup, finding("dns", "RESOLVED", "addresses", "10.0.0.10, 10.0.0.99")))).contains(
                tuple("vantage: the user's PC and Triage resolve the name alike", "net.dns-wrong", -4));
    }

    @Test
    void aNameOnlyTriageResolvesPointsAtTheUsersResolver() {
        String nx = "Server:  dc1\nAddress:  10.0.0.2\n\n*** dc1 can't find srv1: Non-existent domain\n";
        assertThat(Fire.pairs(fire(nx, finding("dns", "RESOLVED", "addresses", "10.0.0.9")))).contains(
                tuple("vantage: Triage resolves the name the user's PC cannot: the user's resolver or suffix", "net.dns-wrong"),
                tuple("user evidence: the user's PC finds no such name", "net.dns-wrong"));
    }
}
