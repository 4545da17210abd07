package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Apache Guacamole's default message (guacamole-client translations ERROR_CLIENT_DEFAULT / ERROR_TUNNEL_DEFAULT) is
 * shown when the web application's connection to guacd closes without a status: the bastion's own side, or a guacd
 * build whose FreeRDP crashes against the target. It weighs both, below the bastion's named faults, and its words
 * "internal error" are not mstsc's internal-error dialog (the listener's certificate key). Texts are made up around
 * the vendor's messages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuacamoleDefaultErrorTest {
    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            guac-internal-error | gateway.bastion-config | 7 | 'An internal error has occurred within the Guacamole server, and the connection has been terminated.'
            guac-internal-error | client.outdated-app    | 4 | '本连接因为 Guacamole 服务器出现了内部错误而被终止。'
            guac-internal-error | client.outdated-app    | 4 | 'Die Verbindung wurde aufgrund eines internen Fehlers im Guacamole Server beendet.'
            """)
    void theDefaultMessageRaisesItsFamilysRows(String family, String cause, int weight, String message) {
        fire.assertRaisesRow(family, cause, weight, message);
    }

    @Test
    void theDefaultMessageIsNoLongerTheBastionsNamedFaultWeight() {
        assertThat(fire.rowsOf("An internal error has occurred within the Guacamole server", "bastion-config")).isEmpty();
    }

    @Test
    void theDefaultMessageKeepsTheCertificateReadingOfMstscsDialogOutOfTheTopThree() {
        List<String> ranked = diagnoser.diagnose(CaseFacts.ofText("Guacamole 1.5.3 to a Server 2019 host: An internal "
                + "error has occurred within the Guacamole server, and the connection has been terminated.")).causeIds();

        assertThat(ranked.subList(0, Math.min(3, ranked.size()))).contains("gateway.bastion-config", "client.outdated-app")
                .doesNotContain("cert.private-key-permission", "cert.machinekeys-corrupt", "server.max-connections");
    }

    @Test
    void mstscsOwnInternalErrorDialogKeepsItsCertificateReading() {
        assertThat(Fire.pairs(fire.text("mstsc: An internal error has occurred."))).extracting(t -> t.toList().get(1))
                .contains("cert.private-key-permission");
    }
}
