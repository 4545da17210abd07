package dev.triage.knowledge.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.CauseHint;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OpenSSL's packed errors as FreeRDP and Remmina log them: TLS alerts and SSL reasons, never RDP codes. */
class OpenSslErrorDecodingTest {
    private final CodeDecoder decoder = new CodeDecoder(CodeTables.load());

    @Test
    void anOpenSsl1AlertIsTheAlertThePeerSent() {
        DecodedCode code = only("[ERROR][com.freerdp.crypto] - SSL_read: Failure in SSL library (protocol error?)\n"
                + "[ERROR][com.freerdp.crypto] - error:14094438:SSL routines:ssl3_read_bytes:tlsv1 alert internal"
                + " error");

        assertThat(code.kind()).isEqualTo(CodeKind.OPENSSL_ERROR);
        assertThat(code.code()).isEqualTo("0x14094438");
        assertThat(code.name()).isEqualTo("TLS_ALERT_INTERNAL_ERROR");
        assertThat(code.meaning()).startsWith("The server (the peer) sent the TLS alert internal_error (80).");
        assertThat(code.source()).contains("RFC 8446");
    }

    @Test
    void codesAfterAnOpenSslLineOnTheSameLineStillDecode() {
        List<DecodedCode> codes = decoder.decode("error:14094438:SSL routines:ssl3_read_bytes:tlsv1 alert internal"
                + " error; HRESULT 0x800706BA; Win32 error 0x6ba");

        assertThat(codes).extracting(DecodedCode::code).containsExactly("0x14094438", "0x800706ba", "0x6ba");
    }

    @Test
    void unknownCaIsAlert48() {
        assertThat(only("error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca").name())
                .isEqualTo("TLS_ALERT_UNKNOWN_CA");
    }

    @Test
    void anOpenSsl3ProtocolVersionAlertPointsAtTlsVersions() {
        DecodedCode code = only("error:0A00042E:SSL routines::tlsv1 alert protocol version");

        assertThat(code.name()).isEqualTo("TLS_ALERT_PROTOCOL_VERSION");
        assertThat(code.causes()).containsExactly(new CauseHint("tls.version-mismatch", 12));
    }

    @Test
    void openSsl3ReasonsBelowTheAlertRangeComeFromSslerr() {
        assertThat(only("error:0A000086:SSL routines::certificate verify failed").name())
                .isEqualTo("SSL_R_CERTIFICATE_VERIFY_FAILED");
        assertThat(only("error:0A00010B:SSL routines::wrong version number").name())
                .isEqualTo("SSL_R_WRONG_VERSION_NUMBER");
        assertThat(only("error:1408F10B:SSL routines:ssl3_get_record:wrong version number").name())
                .isEqualTo("SSL_R_WRONG_VERSION_NUMBER");
    }

    @Test
    void otherLibrariesAndSystemErrorsAreDescribedNotGuessed() {
        DecodedCode x509 = only("error:0B080074:x509 certificate routines:X509_check_private_key:key values mismatch");
        assertThat(x509.name()).isEmpty();
        assertThat(x509.meaning()).isEqualTo("OpenSSL error 0xb080074: an OpenSSL error of library 11"
                + " (\"key values mismatch\"), reason 116; not a TLS alert or RDP code.");

        assertThat(only("error:80000068:system library::Connection reset by peer").meaning())
                .contains("operating system's error 104");
    }

    @Test
    void thePackedNumberIsNotAlsoReadAsADecimalRdpCode() {
        List<DecodedCode> codes = decoder.decode("error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake"
                + " failure");

        assertThat(codes).extracting(DecodedCode::kind).containsExactly(CodeKind.OPENSSL_ERROR);
    }

    private DecodedCode only(String paste) {
        List<DecodedCode> codes = decoder.decode(paste);
        assertThat(codes).as(paste).hasSize(1);
        return codes.get(0);
    }
}
