package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Client and server software (issue 13): a bastion's own words for a refused security mode (guacamole-server's
 * error.c, JumpServer Lion's translations), RDP Wrapper's RDPConf states after a termsrv.dll update, and clients too
 * old for the server. The messages are the vendors' texts with made-up hosts and versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientSoftwareWordingTest {
    private static final String BASTION_UNREACHABLE =
            "rule: mechanism: a Guacamole-based bastion's 'unreachable' also covers a refused security mode";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nla.mismatch                  | JumpServer Lion: 远程连接的服务器拒绝连接，可能安全类型不匹配
            nla.mismatch                  | guacd[812]: RDP server closed/refused connection: Server refused connection (wrong security type?)
            server.rdp-implementation-bug | RDPConf: Wrapper state: Installed, Service state: Running, Listener state: Not listening [not supported]
            server.rdp-implementation-bug | RDPConf shows Listener state: Not listening and [supported partially] since Tuesday
            server.rdp-implementation-bug | my rdp wrapper says not supported and now nobody can log in
            server.rdp-implementation-bug | Windows 10 version 10.0.19045.3803 not supported, it worked on 10.0.19045.3693
            credssp.oracle-remediation    | RDP Wrapper host: An authentication error has occurred. The function requested is not supported. This could be due to CredSSP encryption oracle remediation.
            """)
    void vendorMessageLeadsToItsCause(String cause, String message) {
        assertThat(ranked(CaseFacts.ofText(message)).get(0)).as(message).isEqualTo(cause);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            old-mstsc               | client.outdated-app           | 6  | 'About Remote Desktop Connection: Shell Version 6.1.7601, Control Version 6.1.7601, Network Level Authentication supported, Remote Desktop Protocol 7.1 supported'
            old-mstsc               | client.outdated-app           | 6  | 'Windows 7 laptop, installed KB2592687 and KB2923545 already'
            win7-rds-tls-update     | tls.version-mismatch          | 8  | 'Do I still need KB3080079 on the Windows 7 clients?'
            rdpconf-service-stopped | server.termservice-down       | 10 | 'RDPConf: Wrapper state: Installed, Service state: Stopped'
            rdpconf-not-listening   | server.rdp-implementation-bug | 10 | 'Listener state: Not listening [not supported]'
            bastion-security-type   | nla.mismatch                  | 12 | '远程连接的安全协商失败'
            bastion-unreachable     | nla.mismatch                  | 4  | 'guacd[911]: Error connecting to RDP server'
            network-unreachable-zh  | net.unreachable               | 4  | '连接时提示网络不可达'
            update-l10n             | update.regression             | 6  | 'Windows Update 更新後、リモート デスクトップ接続ができなくなりました'
            """)
    void vendorMessageRaisesItsFamilysRow(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void aGuacamoleBastionsUnreachableKeepsTheSecurityModeInTheTopThree() {
        String message = "JumpServer web RDP: The remote desktop server is currently unreachable. If the problem"
                + " persists, please notify your system administrator, or check your system logs.";

        assertThat(ranked(CaseFacts.ofText(message)).subList(0, 3)).contains("nla.mismatch");
        assertThat(Fire.pairs(fire.text(message)))
                .contains(tuple(BASTION_UNREACHABLE.substring("rule: ".length()), "nla.mismatch"));
    }

    @Test
    void aBastionThatGotNoAnswerAtAllIsNotASecurityMode() {
        String message = "Guacamole: The remote desktop server is currently unreachable. Ping times out as well.";

        assertThat(Fire.pairs(fire.text(message)))
                .doesNotContain(tuple(BASTION_UNREACHABLE.substring("rule: ".length()), "nla.mismatch"));
    }

    @Test
    void theSameUnreachableWordingWithoutABastionAddsNoSecurityMode() {
        assertThat(Fire.pairs(fire.text("Unable to connect to RDP server srv01")))
                .doesNotContain(tuple(BASTION_UNREACHABLE.substring("rule: ".length()), "nla.mismatch"));
    }

    @Test
    void theCredSspDialogsNotSupportedIsNotRdpWrappersState() {
        String message = "RDP Wrapper installed. An authentication error has occurred. The function requested is not"
                + " supported.";

        assertThat(Fire.pairs(fire.text(message))).doesNotContain(tuple(
                "mechanism: RDP Wrapper said to be 'not supported' lacks offsets for the termsrv.dll build",
                "server.rdp-implementation-bug"));
    }

    @Test
    void anOldRemminaAskingForAGraphicsModeIsOutdatedNotTheDisplayDriver() {
        CaseFacts facts = textAndCodes("Remmina: 1.1.2-3ubuntu1, freerdp-x11: 1.1.0~git20140921",
                new CodeFact("errinfo", "0x112d", 0x112d, "ERRINFO_GRAPHICS_MODE_NOT_SUPPORTED"));

        assertThat(ranked(facts).get(0)).isEqualTo("client.outdated-app");
        assertThat(Fire.said(fire.fire(facts))).contains(tuple(
                "mechanism: an old client asking for a graphics mode the server does not offer is outdated",
                "session.display-driver", -6));
    }

    @Test
    void anMremoteng176IsAnOutdatedSessionManager() {
        assertThat(Fire.said(fire.text("mRemoteNG version: 1.76.20.24615 on Windows 11 24H2, RDP tabs stay grey")))
                .contains(tuple("mechanism: an mRemoteNG 1.76 or older names an outdated session manager",
                        "client.outdated-app", 6));
        assertThat(Fire.pairs(fire.text("mRemoteNG 1.78.2 on Windows 11"))).doesNotContain(tuple(
                "mechanism: an mRemoteNG 1.76 or older names an outdated session manager", "client.outdated-app"));
    }

    @Test
    void mremotengs3334ProtocolErrorIsRaisedInTheClient() {
        CaseFacts facts = textAndCodes("Because of a protocol error, this session will be disconnected.",
                new CodeFact("unverified", "0xd06", 0xd06, ""));

        assertThat(Fire.said(fire.fire(facts))).contains(tuple(
                "mechanism: the protocol error reported as 0xd06 is raised in the client, not by the server's"
                        + " display driver", "session.display-driver", -6));
        assertThat(ranked(facts).get(0)).isNotEqualTo("session.display-driver");
    }

    private List<String> ranked(CaseFacts facts) {
        return diagnoser.diagnose(facts).causeIds();
    }

    private static CaseFacts textAndCodes(String text, CodeFact... codes) {
        return new CaseFacts(List.of(text), List.of(codes), Map.of(), List.of(), List.of(), Optional.empty());
    }
}
