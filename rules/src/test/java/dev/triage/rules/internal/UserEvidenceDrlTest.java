package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserEvidenceDrlTest {
    private final Fire fire = new Fire();

    private static String tnc(boolean ping, boolean tcp) {
        return "ComputerName : srv1\nRemoteAddress : 10.0.0.9\nRemotePort : 3389\nPingSucceeded : "
                + (ping ? "True" : "False") + "\nTcpTestSucceeded : " + (tcp ? "True" : "False") + "\n";
    }

    @Test
    void pingAnswersButThePortDoesNot() {
        Outputs out = fire.text(tnc(true, false));
        assertThat(Fire.pairs(out)).contains(
                tuple("user evidence: the host answers ping but not the RDP port: a firewall", "net.port-blocked"),
                tuple("user evidence: the host answers ping but not the RDP port: the service", "server.termservice-down"),
                tuple("user evidence: the host answers ping but not the RDP port: another port", "net.port-changed"));
        assertThat(Fire.pairs(out)).doesNotContain(
                tuple("user evidence: neither ping nor the RDP port answers: the host is off or unreachable", "net.unreachable"));
    }

    @Test
    void neitherPingNorThePortAnswers() {
        assertThat(Fire.pairs(fire.text(tnc(false, false)))).doesNotContain(
                tuple("user evidence: the user's TCP test fails: a firewall drops the port", "net.port-blocked"));
        assertThat(Fire.said(fire.text(tnc(false, false)))).contains(
                tuple("user evidence: neither ping nor the RDP port answers: the host is off or unreachable", "net.unreachable", 10),
                tuple("user evidence: neither ping nor the RDP port answers: a firewall that also drops ping", "net.port-blocked", 2));
    }

    @Test
    void anOpenPortFromTheUsersPcLowersNetworkCauses() {
        assertThat(Fire.said(fire.text(tnc(true, true)))).contains(
                tuple("user evidence: the user's TCP test connects, so the port is open and the host is up", "net.port-blocked", -10));
    }

    @Test
    void nonExistentNamePointsAtDns() {
        assertThat(Fire.said(fire.text("Ping request could not find host pc-7. Please check the name and try again."))).contains(
                tuple("user evidence: the user's PC finds no such name", "net.dns-wrong", 14));
    }

    @Test
    void packetLossPointsAtAnUnstablePath() {
        String ping = "Pinging 10.1.1.1 with 32 bytes of data:\nReply from 10.1.1.1: bytes=32 time=20ms TTL=120\n"
                + "Request timed out.\nReply from 10.1.1.1: bytes=32 time=900ms TTL=120\n";
        assertThat(Fire.pairs(fire.text(ping))).contains(
                tuple("user evidence: ping loses packets on the way", "net.vpn-unstable"));
    }

    @Test
    void aFailedTcpTestWithoutAHostAsksForIt() {
        assertThat(fire.text(tnc(true, false)).questions()).extracting(Wanted::rule).contains(
                "user evidence: the user's TCP test failed and no host is known: ask for it to probe from here");
    }
}
