package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guacamole status codes as JumpServer Lion, Next Terminal and Guacamole show them in place of the RDP client's error
 * (decoded by the knowledge module only where such a gateway is named): each leads with the layer guacd folds into
 * it (guacamole-server src/protocols/rdp/error.c). The texts are made up around the gateways' numbers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayStatusCodesTest {
    private static final String RULE = "mechanism: a bastion's refusal of a password known to be right is a failed"
            + " security negotiation";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{1} {2} -> {0}")
    @CsvSource(delimiter = '|', textBlock = """
            auth.not-in-rdp-users-group | 0x303 | CLIENT_FORBIDDEN     | Guacamole: RDP to the file server drops at once, Error: 771
            auth.bad-credentials        | 0x301 | CLIENT_UNAUTHORIZED  | JumpServer web RDP, error 769 after I changed my password
            gateway.bastion-config      | 0x31d | CLIENT_TOO_MANY      | JumpServer shows error 797 when I open a second RDP tab
            gateway.bastion-config      | 0x300 | CLIENT_BAD_REQUEST   | Next Terminal: new RDP asset fails with error 768
            server.max-connections      | 0x209 | SESSION_CONFLICT     | Guacamole session ends after a minute, status 521
            """)
    void aStatusLeadsWithTheLayerGuacdFoldsIntoIt(String cause, String code, String name, String text) {
        assertThat(ranked(text, status(code, name)).get(0)).as(text).isEqualTo(cause);
    }

    @Test
    void upstreamNotFoundKeepsTheNetworkAndTheSecurityModeInTheTopThree() {
        List<String> ranked = ranked("Next Terminal RDP to Server 2019: error 519", status("0x207", "UPSTREAM_NOT_FOUND"));

        assertThat(ranked.subList(0, 3)).containsAnyOf("net.unreachable", "net.port-blocked");
        assertThat(ranked.subList(0, 5)).contains("nla.mismatch");
    }

    @Test
    void theStatusNumbersAreNoMstscCodes() {
        // Guacamole's 0x204 is a missing connection on the gateway, not mstsc's failed TCP connect.
        assertThat(Fire.pairs(fire.codes(status("0x204", "RESOURCE_NOT_FOUND"))))
                .extracting(pair -> (String) pair.toList().get(1)).containsOnly("gateway.bastion-config");
    }

    @Test
    void aRefusedPasswordThatWorksFromMstscIsTheGatewaysSecurityMode() {
        String text = "JumpServer: RDP login failed, but the password is correct, mstsc works with the same account";

        assertThat(Fire.pairs(fire.text(text))).contains(tuple(RULE, "nla.mismatch"));
        assertThat(Fire.pairs(fire.text("堡垒机连接 Windows 显示用户名密码错误，但 password is correct")))
                .contains(tuple(RULE, "nla.mismatch"));
        assertThat(Fire.pairs(fire.fire(facts("guacamole 1.5: status 769, the password is correct",
                status("0x301", "CLIENT_UNAUTHORIZED"))))).contains(tuple(RULE, "nla.mismatch"));
    }

    @Test
    void aRefusedPasswordWithoutAGatewayOrWithoutCertaintyGetsNoSecurityMode() {
        assertThat(Fire.pairs(fire.text("mstsc: the password is incorrect, but the password is correct")))
                .doesNotContain(tuple(RULE, "nla.mismatch"));
        assertThat(Fire.pairs(fire.fire(facts("guacamole error 769", status("0x301", "CLIENT_UNAUTHORIZED")))))
                .doesNotContain(tuple(RULE, "nla.mismatch"));
    }

    @Test
    void guacdsShortAuthenticationLineIsThePasswordOrTheNegotiationNeverThePort() {
        List<String> ranked = diagnoser.diagnose(CaseFacts.ofText(
                "guacd[311]: INFO:  RDP server closed/refused connection: Authentication failure.")).causeIds();

        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder("auth.bad-credentials", "nla.mismatch");
        assertThat(ranked.subList(0, 3)).doesNotContain("net.port-blocked", "server.termservice-down",
                "server.rdp-disabled");
    }

    /**
     * guacd up to 1.4's "Server refused connection." is read once, here: the server's own denial (error info 0x6 /
     * 0x7), so the prefix's refused port is taken back by gateway-status.drl alone. bastion.drl's take-backs are for a
     * named error after the prefix (1.5's hinted lines) and stay silent, and the line is no NLA wording of its own
     * (the nla family no longer holds "server refused connection": guacd-denied-short is its one reading).
     */
    @Test
    void guacdsShortDenialLineIsTheServersAnswerNotARefusedPort() {
        String message = "guacd[12]: INFO:  RDP server closed/refused connection: Server refused connection.";

        assertThat(diagnoser.diagnose(CaseFacts.ofText(message)).causeIds().get(0)).isEqualTo("nla.mismatch");
        List<Tuple> fired = Fire.pairs(fire.text(message));
        assertThat(fired).contains(
                tuple("mechanism: guacd's short refusal lines after its prefix are no refused port", "net.port-blocked"),
                tuple("mechanism: guacd's short refusal lines after its prefix are no refused port",
                        "server.termservice-down"));
        assertThat(fired).extracting(pair -> (String) pair.toList().get(0))
                .noneMatch(rule -> rule.startsWith("mechanism: guacd's 'closed/refused' prefix"))
                .noneMatch(rule -> rule.endsWith("(nla -> nla.mismatch)"));
        fire.assertRaisesRow("guacd-denied-short", "nla.mismatch", 3, message);
    }

    /** JumpServer Lion's codes for its own parts (pkg/tunnel/ws_error.go) lead with the bastion's configuration. */
    @Test
    void jumpServerLionsOwnComponentCodesLeadWithTheBastion() {
        assertThat(ranked("JumpServer web RDP: error 1007", status("0x3ef", "JMSErrGatewayFailed")).get(0))
                .isEqualTo("gateway.bastion-config");
        assertThat(ranked("JumpServer: error 1008", status("0x3f0", "JMSErrGuacamoleServer")).get(0))
                .isEqualTo("gateway.bastion-config");
        assertThat(Fire.pairs(fire.fire(facts("JumpServer: error 1003", status("0x3eb", "JMSErrIdleTimeOut")))))
                .as("a session-policy code names no cause").extracting(pair -> (String) pair.toList().get(0))
                .noneMatch(rule -> rule.startsWith("codes: JumpServer Lion"));
    }

    private static CodeFact status(String code, String name) {
        return new CodeFact("guacamole", code, Long.decode(code), name);
    }

    private static CaseFacts facts(String text, CodeFact code) {
        return new CaseFacts(List.of(text), List.of(code), Map.of(), List.of(), List.of(), Optional.empty());
    }

    private List<String> ranked(String text, CodeFact code) {
        return diagnoser.diagnose(facts(text, code)).causeIds();
    }
}
