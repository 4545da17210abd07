package dev.triage.knowledge.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeDecoderTest {
    private static final CodeTables TABLES = CodeTables.load();
    private final CodeDecoder decoder = new CodeDecoder(TABLES);

    @Test
    void everyRowOfEveryTableDecodesInHexPaddedHexAndDecimal() {
        List<String> failures = new ArrayList<>();
        walk(TABLES.disconnect(), v -> "Error code: " + v, CodeKind.DISCONNECT_REASON, failures);
        walk(TABLES.extended(), v -> "Extended error code: " + v, CodeKind.EXTENDED_REASON, failures);
        walk(TABLES.serverInfo(), v -> "Because of a protocol error (code: " + v + "), the session ends.",
                CodeKind.SERVER_ERROR_INFO, failures);
        walk(TABLES.connect(), v -> "Error code: " + v, CodeKind.FREERDP_CONNECT_ERROR, failures);
        walk(TABLES.unverified(), v -> "Error code: " + v, CodeKind.UNVERIFIED, failures);
        // The Security log prints status codes in hex only, and a bare ten-digit decimal is not read as a code.
        Function<String, String> statusLine = v -> v.startsWith("0x") ? "Sub Status: " + v : "Sub Status: 0x"
                + Long.toHexString(Long.parseLong(v));
        walk(TABLES.ntstatus(), statusLine, CodeKind.WINDOWS_STATUS, failures);
        walk(TABLES.hresults(), statusLine, CodeKind.WINDOWS_STATUS, failures);
        walk(TABLES.win32(), v -> "Win32 error " + v, CodeKind.WINDOWS_STATUS, failures);

        assertThat(failures).isEmpty();
    }

    private void walk(CodeTable table, Function<String, String> label, CodeKind kind, List<String> failures) {
        for (CodeRow row : table.rows()) {
            if (row.isRange()) {
                continue;
            }
            long value = row.first();
            for (String spelling : List.of("0x" + Long.toHexString(value), String.format("0x%08X", value),
                    Long.toString(value))) {
                List<DecodedCode> codes = decoder.decode(label.apply(spelling));
                boolean ok = codes.size() == 1 && codes.get(0).kind() == kind && codes.get(0).value() == value
                        && codes.get(0).name().equals(row.name()) && !codes.get(0).source().isEmpty();
                if (!ok) {
                    failures.add(kind + " " + spelling + " -> " + codes);
                }
            }
        }
    }

    @Test
    void theClassicPairDecodesBothTablesInOrder() {
        List<DecodedCode> codes = decoder.decode("""
                This computer can't connect to the remote computer.
                Error code: 0x904
                Extended error code: 0x7
                Timestamp (UTC): 2026-11-20T08:15:00.000Z""");

        assertThat(codes).extracting(DecodedCode::code, DecodedCode::kind, DecodedCode::name).containsExactly(
                tuple("0x904", CodeKind.DISCONNECT_REASON, "disconnectReasonAtClientWinsockFDCLOSE"),
                tuple("0x7", CodeKind.EXTENDED_REASON, "exDiscReasonServerDeniedConnection"));
        assertThat(codes.get(0).matched()).isEqualTo("Error code: 0x904");
        assertThat(codes.get(0).meaning()).isEqualTo("Socket closed.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            German     | Fehlercode: 0x904                 | Erweiterter Fehlercode: 0x7
            French     | Code d'erreur : 0x904              | Code d'erreur étendu : 0x7
            French’    | Code d’erreur : 0x904              | Code d’erreur étendu : 0x7
            Spanish    | Código de error: 0x904             | Código de error extendido: 0x7
            Portuguese | Código de erro: 0x904              | Código de erro estendido: 0x7
            Chinese    | 错误代码：0x904                      | 扩展错误代码：0x7
            Japanese   | エラー コード: 0x904                  | 拡張エラー コード: 0x7
            Russian    | Код ошибки: 0x904                  | Расширенный код ошибки: 0x7
            """)
    void localizedLabelsPickTheirTables(String language, String error, String extended) {
        List<DecodedCode> codes = decoder.decode(error + "\n" + extended);

        assertThat(codes).extracting(DecodedCode::code, DecodedCode::kind).containsExactly(
                tuple("0x904", CodeKind.DISCONNECT_REASON), tuple("0x7", CodeKind.EXTENDED_REASON));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Because of a protocol error (code: 0x112f), the remote session will be disconnected. | 0x112f  | SERVER_ERROR_INFO     | ERRINFO_GRAPHICS_SUBSYSTEM_FAILED
            Extended error code: 0x10d3                                                          | 0x10d3  | SERVER_ERROR_INFO     | ERRINFO_CONNECT_FAILED
            Extended error code: 0x2000                                                          | 0x2000  | EXTENDED_REASON       | exDiscReasonProtocolRangeStart..exDiscReasonProtocolRangeEnd
            ERRCONNECT_CONNECT_TRANSPORT_FAILED [0x0002000D]                                     | 0x2000d | FREERDP_CONNECT_ERROR | ERRCONNECT_CONNECT_TRANSPORT_FAILED
            freerdp_post_connect failed [0x0002000D]                                             | 0x2000d | FREERDP_CONNECT_ERROR | ERRCONNECT_CONNECT_TRANSPORT_FAILED
            ERRINFO_LOGOFF_BY_USER (0x0001000C)                                                  | 0xc     | SERVER_ERROR_INFO     | ERRINFO_LOGOFF_BY_USER
            mRemoteNG: RDP disconnected, error 3847                                              | 0xf07   | DISCONNECT_REASON     | SSL_ERR_PASSWORD_EXPIRED
            Error code: 2308                                                                     | 0x904   | DISCONNECT_REASON     | disconnectReasonAtClientWinsockFDCLOSE
            Error code: 904                                                                      | 0x904   | DISCONNECT_REASON     | disconnectReasonAtClientWinsockFDCLOSE
            SSL_ERR_CERT_EXPIRED                                                                 | 0x1b07  | DISCONNECT_REASON     | SSL_ERR_CERT_EXPIRED
            Error code: 0x4                                                                      | 0x4     | UNVERIFIED            | ''
            the reset shows as extended error 0x7                                                | 0x7     | EXTENDED_REASON       | exDiscReasonServerDeniedConnection
            the server sent error 0x7                                                            | 0x7     | SERVER_ERROR_INFO     | ERRINFO_SERVER_DENIED_CONNECTION
            RDP ClientActiveX has been disconnected (Reason= 2308)                               | 0x904   | DISCONNECT_REASON     | disconnectReasonAtClientWinsockFDCLOSE
            """)
    void contextDecidesTheTable(String text, String code, CodeKind kind, String name) {
        assertThat(decoder.decode(text)).extracting(DecodedCode::code, DecodedCode::kind, DecodedCode::name)
                .containsExactly(tuple(code, kind, name));
    }

    @Test
    void unverifiedCodesSayTheirMeaningIsUnverified() {
        for (String code : List.of("0x4", "0x207", "0x516", "0x708", "0xb08", "0x2407", "0xd06")) {
            DecodedCode decoded = decoder.decode("Error code: " + code).get(0);

            assertThat(decoded.kind()).as(code).isEqualTo(CodeKind.UNVERIFIED);
            assertThat(decoded.meaning()).as(code).contains("unverified");
            assertThat(decoded.known()).isFalse();
        }
    }

    @Test
    void windowsStatusCodesFromTheSecurityLogAndDialogsDecode() {
        assertThat(decoder.decode("Failure Reason: Unknown user name or bad password.\nStatus: 0xC000006D\n"
                + "Sub Status: 0xC000006A")).extracting(DecodedCode::name, DecodedCode::kind)
                .containsExactly(tuple("STATUS_LOGON_FAILURE", CodeKind.WINDOWS_STATUS),
                        tuple("STATUS_WRONG_PASSWORD", CodeKind.WINDOWS_STATUS));
        assertThat(decoder.decode("An authentication error has occurred (Code: 0x80090302).").get(0).name())
                .isEqualTo("SEC_E_UNSUPPORTED_FUNCTION");
        assertThat(decoder.decode("Sub Status: 0xC0000234").get(0).known()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            freerdp: errconnect_connect_transport_failed            | ERRCONNECT_CONNECT_TRANSPORT_FAILED
            Remmina: ErrConnect_Tls_Connect_Failed                  | ERRCONNECT_TLS_CONNECT_FAILED
            last error: ERRCONNECT_post_connect_failed [0x00020003] | ERRCONNECT_POST_CONNECT_FAILED
            """)
    void freerdpConnectErrorNamesMatchInAnyLetterCase(String text, String name) {
        List<DecodedCode> codes = decoder.decode(text);

        assertThat(codes).extracting(DecodedCode::kind).containsOnly(CodeKind.FREERDP_CONNECT_ERROR);
        assertThat(codes).extracting(DecodedCode::name).containsOnly(name);
    }

    @Test
    void mremotengsDecimalProtocolErrorIsUnverifiedNotUnknown() {
        DecodedCode decoded = decoder.decode("RDP disconnected! Error 3334").get(0);

        assertThat(decoded.code()).isEqualTo("0xd06");
        assertThat(decoded.kind()).isEqualTo(CodeKind.UNVERIFIED);
        assertThat(decoded.meaning()).contains("mRemoteNG").contains("unverified");
    }

    @Test
    void theNlaRequiredReasonSessionManagersPrintAs2825IsUnverifiedWithItsClientText() {
        DecodedCode decoded = decoder.decode("RDP disconnected!\n2825").get(0);

        assertThat(decoded.code()).isEqualTo("0xb09");
        assertThat(decoded.kind()).isEqualTo(CodeKind.UNVERIFIED);
        assertThat(decoded.meaning()).contains("requires Network Level Authentication").contains("unverified");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            'RDP disconnected!\n3334\nBecause of a protocol error, this session will be disconnected.' | 0xd06
            'WarningMsg RDP disconnected! 2308 Socket closed.'                                          | 0x904
            """)
    void mremotengsDisconnectLineCarriesTheDecimalDisconnectReason(String text, String code) {
        DecodedCode decoded = decoder.decode(text.replace("\\n", "\n")).get(0);

        assertThat(decoded.code()).isEqualTo(code);
        assertThat(decoded.kind()).isNotEqualTo(CodeKind.UNKNOWN);
    }

    @Test
    void anUnknownDisconnectShapedCodeGetsAHedgedLayerHint() {
        assertThat(decoder.decode("Error code: 0x3104").get(0).meaning())
                .contains("network and sockets layer").contains("inference");
        assertThat(decoder.decode("Error code: 0x3107").get(0).meaning()).contains("authentication");
        assertThat(decoder.decode("HRESULT 0x80004005").get(0).meaning()).doesNotContain("low byte");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Error code: 0x999         | 0x999
            Extended error code: 0x9000 | 0x9000
            mRemoteNG error 3590      | 0xe06
            ERRCONNECT_SOMETHING_NEW  | ERRCONNECT_SOMETHING_NEW
            """)
    void codesNoTableListsComeBackUnknown(String text, String code) {
        DecodedCode decoded = decoder.decode(text).get(0);

        assertThat(decoded.code()).isEqualTo(code);
        assertThat(decoded.kind()).isEqualTo(CodeKind.UNKNOWN);
        assertThat(decoded.meaning()).contains("not in the official tables");
    }

    @Test
    void operatingSystemErrorNumbersAreNotRdpCodes() {
        assertThat(decoder.decode("[ERROR][com.freerdp.core.transport] - BIO_read returned a system error 104:"
                + " Connection reset by peer")).isEmpty();
        assertThat(decoder.decode("mRemoteNG: RDP disconnected, error 3847")).extracting(DecodedCode::name)
                .containsExactly("SSL_ERR_PASSWORD_EXPIRED");
    }

    @Test
    void numbersInProseAreNotCodes() {
        String prose = "Since 2023 on Windows 10 build 19045.3803, 10.0.0.5:3389 and port 3390 fail; "
                + "step 2 of 3; error in line 42; KB5034441; ticket #2308; v1.2.0; 2026-11-20 08:15; "
                + "Session 3 has been disconnected, reason code 5.";

        assertThat(decoder.decode(prose)).isEmpty();
    }

    @Test
    void eachCodeIsReportedOnceInOrderOfFirstAppearance() {
        List<DecodedCode> codes = decoder.decode("0x112f then 0x904 and again 0x00000904, then 0x112F");

        assertThat(codes).extracting(DecodedCode::code).containsExactly("0x112f", "0x904");
    }

    @Test
    void emptyAndNullTextDecodeToNothing() {
        assertThat(decoder.decode("")).isEmpty();
        assertThat(decoder.decode(null)).isEmpty();
    }

    @Test
    void randomBytesNeverThrow() {
        java.util.Random random = new java.util.Random(20261120);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            String utf8 = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            String latin1 = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);

            assertThat(decoder.decode(utf8)).hasSizeLessThanOrEqualTo(100);
            assertThat(decoder.decode(latin1)).hasSizeLessThanOrEqualTo(100);
        }
    }

    @Test
    void megabytePastesOfNearMissesFinishWithBoundedResults() {
        List<String> pieces = List.of("Error code: 0x", "0x0000000000000000000000", "9".repeat(40),
                "a_b_c_d_e_f_g_h_i_j_k_");
        for (String piece : pieces) {
            String paste = Stream.generate(() -> piece).limit(1_000_000 / piece.length() + 1)
                    .reduce(new StringBuilder(), StringBuilder::append, StringBuilder::append).toString();

            assertThat(decoder.decode(paste)).as(piece).hasSizeLessThanOrEqualTo(100);
        }
    }

    @Test
    void aMegabyteOfDistinctCodesIsCappedAtOneHundred() {
        StringBuilder paste = new StringBuilder();
        for (int i = 0; paste.length() < 1_000_000; i++) {
            paste.append("0x").append(Integer.toHexString(i)).append(' ');
        }

        assertThat(decoder.decode(paste.toString())).hasSize(100);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
