package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Which step of the connection failed (session 14, branch secneg; negotiation-step.drl). FreeRDP closes a failed TLS
 * handshake, certificate check or CredSSP exchange with the same "protocol security negotiation or connection
 * failure" (and ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED) as a refused X.224 negotiation; the line before it names the
 * step. Texts are made up in FreeRDP's log wording (libfreerdp/core/connection.c, nego.c, crypto/tls.c).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NegotiationStepMechanismTest {
    private static final String CODE_RULE = "mechanism: FreeRDP's negotiation failure code after a failed TLS,"
            + " certificate or CredSSP step is that step's failure";
    private static final String MESSAGE_RULE = "mechanism: FreeRDP's negotiation failure message after a failed TLS,"
            + " certificate or CredSSP step is that step's failure";
    private static final CodeFact NEGO_FAILED = Fire.errconnect("ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED");

    private final Fire fire = new Fire();
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aCertificateNameMismatchBeforeTheWrapperIsTheCertificate() {
        String log = """
                WARNING: CERTIFICATE NAME MISMATCH!
                The hostname used for this connection (app01) does not match any of the names given in the certificate:
                [ERROR][com.freerdp.crypto] - tls_connect: certificate not trusted, aborting.
                [ERROR][com.freerdp.core.connection] - Error: protocol security negotiation or connection failure""";

        assertThat(weightOf(MESSAGE_RULE, "nla.mismatch", fire.text(log))).isEqualTo(-6);
        assertThat(ranked(log, List.of()).get(0)).isEqualTo("cert.name-mismatch");
    }

    @Test
    void anOpenSslRefusalUnderTheCodeIsTheTlsVersionNotNla() {
        String log = """
                [ERROR][com.freerdp.crypto] - SSL_connect: error:0A000102:SSL routines::unsupported protocol
                [ERROR][com.freerdp.core] - transport_connect_tls:freerdp_set_last_error_ex ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED [0x0002000C]
                [ERROR][com.freerdp.core.connection] - Error: protocol security negotiation or connection failure""";
        Outputs out = fire.fire(facts(log, List.of(NEGO_FAILED)));

        assertThat(weightOf(CODE_RULE, "nla.mismatch", out)).isEqualTo(-6);
        assertThat(weightOf(MESSAGE_RULE, "nla.mismatch", out)).as("the code's rule reads the step, once").isZero();
        List<String> ranked = ranked(log, List.of(NEGO_FAILED));
        assertThat(ranked.get(0)).isEqualTo("tls.version-mismatch");
        assertThat(ranked.indexOf("nla.mismatch")).isNotEqualTo(0);
    }

    @Test
    void aRefusedX224NegotiationKeepsItsNlaReading() {
        String log = """
                [WARN][com.freerdp.core.nego] - Error: HYBRID_REQUIRED_BY_SERVER
                [ERROR][com.freerdp.core.nego] - Protocol Security Negotiation Failure
                [ERROR][com.freerdp.core.connection] - Error: protocol security negotiation or connection failure""";
        Outputs out = fire.fire(facts(log, List.of(NEGO_FAILED)));

        assertThat(weightOf(CODE_RULE, "nla.mismatch", out)).isZero();
        assertThat(weightOf(MESSAGE_RULE, "nla.mismatch", out)).isZero();
        assertThat(ranked(log, List.of(NEGO_FAILED)).get(0)).isEqualTo("nla.mismatch");
    }

    @Test
    void theCredSspDialogBeforeTheWrapperIsCredSsp() {
        String text = "Remmina fails with 'Error: protocol security negotiation or connection failure'; mstsc on the same"
                + " laptop says: An authentication error has occurred. The function requested is not supported. This"
                + " could be due to CredSSP encryption oracle remediation.";

        assertThat(weightOf(MESSAGE_RULE, "nla.mismatch", fire.text(text))).isEqualTo(-6);
        assertThat(ranked(text, List.of()).get(0)).isEqualTo("credssp.oracle-remediation");
    }

    @Test
    void aLoweredOpenSslSecurityLevelIsTheTlsStep() {
        String text = "xfreerdp 2.11 cannot connect to our old 2008 R2 box; with /tls-seclevel:0 it connects.";

        fire.assertRaisesRow("tls-seclevel", "tls.version-mismatch", 6, text);
        fire.assertRaisesRow("tls-seclevel", "tls.version-mismatch", 6,
                "Remmina: set TLS Security Level to '0 - Windows 7 compatible' and it works again.");
        assertThat(ranked(text, List.of()).get(0)).isEqualTo("tls.version-mismatch");
    }

    private static int weightOf(String rule, String cause, Outputs out) {
        return out.contributions().stream().filter(c -> !c.hypothetical())
                .filter(c -> c.rule().equals(rule) && c.causeId().equals(cause))
                .mapToInt(c -> c.weight()).sum();
    }

    private static CaseFacts facts(String text, List<CodeFact> codes) {
        return new CaseFacts(List.of(text), codes, Map.of(), List.of(), List.of(), Optional.empty());
    }

    private List<String> ranked(String text, List<CodeFact> codes) {
        return diagnoser.diagnose(facts(text, codes)).causeIds();
    }
}
