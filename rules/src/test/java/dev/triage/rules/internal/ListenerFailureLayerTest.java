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

/**
 * The server's own report that its service or listener failed (issue 13, session 12, branch listener, the widened
 * old-Windows rule of reach-which-layer.drl) places the failure before the security layer, so an old Windows beside it
 * is no security-layer reading. Texts are made up in the wording of Microsoft's event pages and listener checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenerFailureLayerTest {
    private static final String OLD_WINDOWS = "mechanism: an old Windows named beside a failure at the TCP step is not a"
            + " security-layer disagreement";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void anOldServerWhoseListenerFailedIsNotReadAsItsSecurityLayer() {
        String event = "Nobody can open a Remote Desktop session on our Windows Server 2008 R2 terminal server. System"
                + " log: Event ID 1036, TerminalServices-RemoteConnectionManager: Terminal Server session creation"
                + " failed.";
        assertThat(Fire.said(fire.text(event))).contains(
                tuple(OLD_WINDOWS, "server.legacy-security-layer", -2), tuple(OLD_WINDOWS, "tls.version-mismatch", -4));
        assertThat(ranked(event).get(0)).isEqualTo("server.termservice-down");
        String netstat = "Our Server 2003 box: netstat -ano | findstr 3389 shows nothing, so nothing is listening on"
                + " port 3389.";
        assertThat(Fire.pairs(fire.text(netstat))).contains(tuple(OLD_WINDOWS, "server.legacy-security-layer"));
        assertThat(top3(ranked(netstat))).doesNotContain("server.legacy-security-layer");
    }

    @Test
    void anOldServerWithItsSecurityLayerNamedKeepsThatReadingBesideAListenerEvent() {
        String message = "Windows Server 2003 set to Standard RDP Security; Event ID 1036 on the server.";
        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(OLD_WINDOWS);
    }

    private List<String> ranked(String text, CodeFact... codes) {
        return diagnoser.diagnose(new CaseFacts(List.of(text), List.of(codes), Map.of(), List.of(), List.of(),
                Optional.empty())).causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}
