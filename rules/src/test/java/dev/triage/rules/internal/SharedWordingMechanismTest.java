package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Wording two mechanisms share (branch misfires, shared-wording.drl): OpenSSL's internal-error alert is not mstsc's
 * internal-error dialog; "network error" beside a connection that never opened is no dropping path. Texts are made up in the
 * wording of the dialogs and logs; none is a development case's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedWordingMechanismTest {
    private static final String TLS_ALERT = "shared wording: OpenSSL's internal-error alert is a TLS alert, not mstsc's"
            + " internal-error dialog";
    private static final String NETWORK_ERROR = "shared wording: a network error beside a failure at the TCP step is no"
            + " dropping path";
    private static final String OPENSSL_LOG = "[ERROR][com.freerdp.crypto] - SSL_read: Failure in SSL library"
            + " (protocol error?) error:14094438:SSL routines:ssl3_read_bytes:tlsv1 alert internal error";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void opensslsInternalErrorAlertIsReadAsTlsNotAsTheCertificatesKey() {
        String message = "xfreerdp /v:server fails: " + OPENSSL_LOG;

        assertThat(Fire.said(fire.text(message))).contains(tuple(TLS_ALERT, "cert.private-key-permission", -6),
                tuple(TLS_ALERT, "cert.machinekeys-corrupt", -4));
        assertThat(top3(ranked(message))).doesNotContain("cert.private-key-permission")
                .contains("tls.version-mismatch");
    }

    @Test
    void mstscsInternalErrorDialogKeepsItsReading() {
        String message = "mstsc: An internal error has occurred.";

        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0)).doesNotContain(TLS_ALERT);
        assertThat(ranked(message).get(0)).isEqualTo("cert.private-key-permission");
    }

    @Test
    void aNetworkErrorWhereTheConnectionNeverOpenedIsNoDroppingPath() {
        String message = "Remote Desktop says a network error occurred. The connection attempt timed out.";

        assertThat(Fire.said(fire.text(message))).contains(tuple(NETWORK_ERROR, "net.vpn-unstable", -5));
        assertThat(top3(ranked(message))).doesNotContain("net.vpn-unstable");
    }

    @Test
    void aNetworkErrorThroughANamedVpnKeepsTheDroppingPath() {
        String message = "Over the AnyConnect VPN Remote Desktop says a network error occurred; the connection attempt"
                + " timed out.";

        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(NETWORK_ERROR);
    }

    @Test
    void aNetworkErrorThatEndsAnOpenSessionKeepsTheDroppingPath() {
        String message = "Every few minutes the session freezes, then: a network error occurred, trying to reconnect.";

        assertThat(Fire.pairs(fire.text(message))).extracting(t -> (String) t.toList().get(0))
                .doesNotContain(NETWORK_ERROR);
    }

    private List<String> ranked(String text) {
        return diagnoser.diagnose(CaseFacts.ofText(text)).causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}
