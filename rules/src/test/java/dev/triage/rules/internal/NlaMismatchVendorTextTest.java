package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The security-negotiation family of nla.mismatch, one vendor text per client or bastion that reports it in its own
 * words (FreeRDP, Remmina, guacd and JumpServer Lion, rdesktop, mstsc, node-rdpjs/grdp and MeshCentral). Each text
 * must keep raising its pack row and keep nla.mismatch among the first three causes, so a family that loses a phrase
 * or a row fails here by name. Messages are the vendors' texts with made-up hosts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NlaMismatchVendorTextTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            security-negotiation-failed | 6 | xfreerdp /v:192.0.2.5 -> Error: protocol security negotiation or connection failure
            remmina-nego          |  9 | Unable to establish a connection to the RDP server 192.0.2.6. Check "Security protocol negotiation".
            bastion-security-type | 12 | guacd: Security negotiation failed (wrong security type?)
            bastion-security-type | 12 | 远程连接的安全协商失败，可能安全类型不匹配
            rdesktop-credssp      | 10 | rdesktop 192.0.2.8: Failed to connect, CredSSP required by server.
            auth-not-enabled      | 12 | The connection cannot proceed because authentication is not enabled and the remote computer requires that authentication be enabled to connect.
            x224-neg-failure      | 12 | [node-rdpjs] ERROR: NODE_RDP_PROTOCOL_X224_NEG_FAILURE()
            x224-neg-failure      | 12 | NODE_RDP_PROTOCOL_X224_NEG_FAILURE with code: 5,see https://msdn.microsoft.com/en-us/library/cc240507.aspx
            x224-neg-failure      | 12 | web console for pc-12: Hybrid required by server
            x224-neg-failure      | 12 | Error: NODE_RDP_PROTOCOL_X224_NLA_NOT_SUPPORTED
            """)
    void vendorTextRaisesItsRowAndKeepsNlaMismatchInTheTopThree(String family, int weight, String message) {
        fire.assertRaisesRow(family, "nla.mismatch", weight, message);
        List<String> ranked = ranked(message);
        assertThat(ranked.subList(0, Math.min(3, ranked.size()))).as(message).contains("nla.mismatch");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [node-rdpjs] INFO: connect to 192.0.2.9:3389 [node-rdpjs] ERROR: NODE_RDP_PROTOCOL_X224_NEG_FAILURE() at Client.recvConnectionConfirm (lib/protocol/x224.js)
            MeshCentral desktop: NLA not supported
            """)
    void aClientWithoutCredSspRefusedByTheHostLeadsWithNlaMismatch(String message) {
        assertThat(ranked(message).get(0)).as(message).isEqualTo("nla.mismatch");
    }

    private List<String> ranked(String message) {
        return diagnoser.diagnose(CaseFacts.ofText(message)).causeIds();
    }
}
