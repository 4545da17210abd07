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
 * Three things a post can name that the legacy-security family once read alike (issue 13, session 13): the RDP security
 * layer itself (Standard RDP Security, an encryption level), an old TLS version (a TLS version one side no longer
 * offers) and an old Windows (which Windows it is: XP / 2003 most often the RDP security layer, Server 2008 a hint at
 * either). On unseen halves an old Windows or "TLS 1.0" named
 * put the security layer first where the thread's cause was a TLS version, an old client or a disabled listener. Texts
 * are made up in the wording of mstsc, FreeRDP and Microsoft's documents.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OldVersionNamedTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void anOldTlsVersionNamedIsATlsVersionMismatchFirst() {
        String message = "Since the server only speaks TLS 1.0 our new thin clients fail the handshake when connecting"
                + " over RDP.";
        assertThat(Fire.pairs(fire.text(message))).contains(
                tuple("text: an old TLS or SSL version is named, one that the other side may no longer offer"
                        + " (old-tls-named -> tls.version-mismatch)", "tls.version-mismatch"));
        List<String> ranked = ranked(message);
        assertThat(ranked.get(0)).isEqualTo("tls.version-mismatch");
        assertThat(ranked.indexOf("tls.version-mismatch")).isLessThan(ranked.indexOf("server.legacy-security-layer"));
    }

    @Test
    void theSecurityLayerNamedKeepsItsOwnReading() {
        String message = "The RDP-Tcp listener is set to Standard RDP Security and the new FreeRDP build will not"
                + " connect.";
        assertThat(ranked(message).get(0)).isEqualTo("server.legacy-security-layer");
    }

    @Test
    void anOldWindowsNamedBesideAnotherCauseIsOnlyAHint() {
        String message = "Connecting to our Windows Server 2008 R2 box: The referenced account is currently locked out"
                + " and may not be logged on to.";
        assertThat(Fire.pairs(fire.text(message))).contains(
                tuple("text: a Server 2008 may also be set to the RDP security layer"
                        + " (server-2008-named -> server.legacy-security-layer)", "server.legacy-security-layer"));
        assertThat(ranked(message).get(0)).isEqualTo("auth.account-locked-or-expired");
    }

    private List<String> ranked(String text) {
        return diagnoser.diagnose(new CaseFacts(List.of(text), List.of(), Map.of(), List.of(), List.of(),
                Optional.empty())).causeIds();
    }
}
