package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Wording two mechanisms share (branch misfires): the no-license-server dialog weighs the two licensing causes alike and
 * the setup decides; OpenSSL's internal-error alert is not mstsc's internal-error dialog (shared-wording.drl); "network
 * error" beside a connection that never opened is no dropping path (shared-wording.drl). Texts are made up in the
 * wording of the dialogs and logs; none is a development case's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedWordingMechanismTest {
    private static final String TLS_ALERT = "shared wording: OpenSSL's internal-error alert is a TLS alert, not mstsc's"
            + " internal-error dialog";
    private static final String NETWORK_ERROR = "shared wording: a network error beside a failure at the TCP step is no"
            + " dropping path";
    private static final String DIALOG = "The remote session was disconnected because there are no Remote Desktop "
            + "License Servers available to provide a license.";
    private static final String OPENSSL_LOG = "[ERROR][com.freerdp.crypto] - SSL_read: Failure in SSL library"
            + " (protocol error?) error:14094438:SSL routines:ssl3_read_bytes:tlsv1 alert internal error";

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void theSharedDialogsRowsWeighBothLicensingCausesAlike() {
        Outputs out = fire.text("Users get: " + DIALOG);

        assertThat(rowTotal(out, "license.no-server")).isEqualTo(rowTotal(out, "license.grace-expired"));
    }

    @Test
    void theRoleAddedMonthsAgoDecidesForTheGracePeriod() {
        String message = "We added the Remote Desktop Session Host role to our file server last spring. Now: " + DIALOG;

        assertThat(ranked(message).get(0)).isEqualTo("license.grace-expired");
    }

    @Test
    void aLicenseServerWithCalsDecidesForTheDeployment() {
        String message = DIALOG + " Our license server is activated and has per user CALs installed.";

        assertThat(ranked(message).get(0)).isEqualTo("license.no-server");
    }

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

    /** The sum of what the pack's signal rows gave a cause. */
    private static int rowTotal(Outputs out, String cause) {
        return out.contributions().stream().filter(c -> !c.hypothetical() && c.causeId().equals(cause))
                .filter(c -> c.rule().startsWith("text: ")).mapToInt(c -> c.weight()).sum();
    }

    private List<String> ranked(String text) {
        return diagnoser.diagnose(CaseFacts.ofText(text)).causeIds();
    }

    private static List<String> top3(List<String> ranked) {
        return ranked.subList(0, Math.min(3, ranked.size()));
    }
}
