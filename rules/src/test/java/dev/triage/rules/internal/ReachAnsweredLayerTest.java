package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Which layer answered (issue 13, session 14, branch reach, reach-answered-layer.drl and the refused row of
 * signals.tsv): a port test that fails puts the failure before every later layer; a refusal is the host's own reset,
 * which firewalls rarely send; a host silent to this PC while another PC connects is an address blocked on the
 * server. Texts are made up in mstsc's and the socket tools' wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachAnsweredLayerTest {
    private static final String PORT_TEST = "answers: the RDP port refused or gave no answer, so the connection never"
            + " reached the later layers";
    private static final String ADDRESS = "answers: this PC gets no answer from a host that another PC reaches: its"
            + " address is blocked on the server";
    /** A post that names the sign-in and a failure to connect, so both layers stay open until the port is tested. */
    private static final String MIXED = "Remote Desktop to our server stopped working this morning. Yesterday it asked"
            + " for my password and said the credentials did not work, today it can't connect at all.";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    /** The port test takes out exactly the causes causes.tsv marks past-tcp, and no network or listener cause. */
    @Test
    void aFailedPortTestTakesOutExactlyTheCausesPastTheTcpStep() {
        List<String> pastTcp = Packs.bundled().get(0).causes().stream()
                .filter(c -> c.stage().equals(CauseInfo.PAST_TCP)).map(CauseInfo::id).toList();
        List<String> takenOut = Fire.said(fire.fire(facts(MIXED, Map.of("port-test", "timeout")))).stream()
                .filter(t -> t.toList().get(0).equals(PORT_TEST)).map(t -> (String) t.toList().get(1)).toList();
        assertThat(takenOut).containsExactlyInAnyOrderElementsOf(pastTcp)
                .contains("auth.bad-credentials", "cert.expired", "license.no-server", "client.outdated-app")
                .doesNotContain("net.port-blocked", "server.termservice-down", "gateway.transport",
                        "client.loopback-self-connect");
    }

    @Test
    void aPortTestThatFailsTakesTheLaterLayersOut() {
        for (String result : List.of("timeout", "refused")) {
            assertThat(Fire.said(fire.fire(facts(MIXED, Map.of("port-test", result))))).as(result).contains(
                    tuple(PORT_TEST, "auth.bad-credentials", -6),
                    tuple(PORT_TEST, "nla.mismatch", -6),
                    tuple(PORT_TEST, "license.no-server", -6));
        }
        assertThat(ranked(MIXED, Map.of()).get(0)).isEqualTo("auth.bad-credentials");
        assertThat(ranked(MIXED, Map.of("port-test", "timeout")).get(0)).startsWith("net.");
        assertThat(ranked(MIXED, Map.of("port-test", "refused")).subList(0, 2))
                .containsAnyOf("server.termservice-down", "server.rdp-disabled");
    }

    @Test
    void anOpenPortOrATestBesideAGatewayLeavesTheLaterLayersAlone() {
        assertThat(Fire.pairs(fire.fire(facts(MIXED, Map.of("port-test", "open")))))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(PORT_TEST);
        String gateway = MIXED + " We connect through our RD Gateway.";
        assertThat(Fire.pairs(fire.fire(facts(gateway, Map.of("port-test", "timeout")))))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(PORT_TEST);
        assertThat(Fire.pairs(fire.fire(facts(MIXED, Map.of("port-test", "timeout", "vpn", "gateway")))))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(PORT_TEST);
    }

    @Test
    void aRefusalIsTheListenersBeforeItIsAFirewalls() {
        String refused = "telnet rdp01 3389 from my PC: Connection refused.";
        fire.assertRaisesRow("refused", "net.port-blocked", 1, refused);
        List<String> ranked = ranked(refused, Map.of());
        assertThat(ranked.indexOf("server.termservice-down")).isLessThan(ranked.indexOf("net.port-blocked"));
        assertThat(ranked.indexOf("server.rdp-disabled")).isLessThan(ranked.indexOf("net.port-blocked"));
        String winsock = "mstsc fails and Test-NetConnection reports WSAECONNREFUSED (error 10061).";
        List<String> winsockRanked = ranked(winsock, Map.of());
        assertThat(winsockRanked.indexOf("server.termservice-down")).isLessThan(winsockRanked.indexOf("net.port-blocked"));
    }

    @Test
    void aHostSilentToThisPcWhileAnotherPcConnectsIsAnAddressBlock() {
        String vague = "Remote desktop to the server does not work from my PC since this morning.";
        Map<String, String> both = Map.of("host-answers", "no", "other-clients-work", "yes");
        assertThat(Fire.said(fire.fire(facts(vague, both)))).contains(
                tuple(ADDRESS, "server.av-ids-blocking", 5),
                tuple(ADDRESS, "net.unreachable", -4));
        assertThat(top3(ranked(vague, both))).contains("server.av-ids-blocking");
        assertThat(Fire.pairs(fire.fire(facts(vague, Map.of("host-answers", "no")))))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(ADDRESS);
        assertThat(Fire.pairs(fire.fire(facts(vague, Map.of("host-answers", "yes", "other-clients-work", "yes")))))
                .extracting(t -> (String) t.toList().get(0)).doesNotContain(ADDRESS);
    }

    @Test
    void theAnswersReadTheSameFactsAsTheirTextRows() {
        // host-silent lifts Remote Desktop switched off by -3 in the user's words; the answer says the same
        assertThat(Fire.said(fire.answers(Map.of("host-answers", "no")))).contains(
                tuple("answers: Remote Desktop switched off closes only its own port", "server.rdp-disabled", -3),
                tuple("answers: a stopped Remote Desktop service silences only its own port",
                        "server.termservice-down", -3));
        assertThat(Fire.said(fire.answers(Map.of("rdp-service", "listening")))).contains(
                tuple("answers: the listener was checked on the running server", "net.unreachable", -3));
    }

    private static CaseFacts facts(String text, Map<String, String> answers) {
        return new CaseFacts(List.of(text), List.of(), answers, List.of(), List.of(), Optional.empty());
    }

    private List<String> ranked(String text, Map<String, String> answers) {
        return diagnoser.diagnose(facts(text, answers)).causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}
