package dev.triage.knowledge.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.CauseHint;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Windows errors in the notations users paste them in, decoded by structure (MS-ERREF 2.1, 2.3). */
class WindowsErrorDecodingTest {
    private static final CodeTables TABLES = CodeTables.load();
    private final CodeDecoder decoder = new CodeDecoder(TABLES);

    @ParameterizedTest
    @ValueSource(strings = {
            "New-RDSessionDeployment : The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)",
            "Win32 error 0x6BA",
            "Win32 error: 0x000006ba",
            "The operation failed with error 1722.",
            "System.Runtime.InteropServices.COMException: HRESULT: -2147023174",
            "The call failed with HRESULT 2147944122",
            "GetLastError() = 1722"})
    void theRpcServerIsUnavailableInEveryNotation(String paste) {
        DecodedCode code = only(paste);

        assertThat(code.kind()).isEqualTo(CodeKind.WINDOWS_STATUS);
        assertThat(code.name()).isEqualTo("RPC_S_SERVER_UNAVAILABLE");
        assertThat(code.meaning()).startsWith("The RPC server is unavailable.");
        assertThat(code.source()).contains("ms-erref");
        assertThat(code.causes()).extracting(CauseHint::causeId).contains("net.unreachable");
    }

    @Test
    void aWrappedWin32HresultKeepsThePastedSpellingAndSaysWhatItCarries() {
        DecodedCode code = only("Exception from HRESULT: 0x800706B5");

        assertThat(code.code()).isEqualTo("0x800706b5");
        assertThat(code.value()).isEqualTo(0x800706b5L);
        assertThat(code.name()).isEqualTo("RPC_S_UNKNOWN_IF");
        assertThat(code.meaning()).isEqualTo("The interface is unknown. (Win32 error 1717 carried in an HRESULT)");
    }

    @Test
    void sspiErrorsFromTheClientDialogPointAtTlsAndNla() {
        DecodedCode code = only("An authentication error has occurred.\nError code: 0x80090308");

        assertThat(code.name()).isEqualTo("SEC_E_INVALID_TOKEN");
        assertThat(code.meaning()).isEqualTo("The token supplied to the function is invalid.");
        assertThat(code.causes()).extracting(CauseHint::causeId).containsExactly("tls.version-mismatch", "nla.mismatch");
    }

    @Test
    void aPowerShellComExceptionNamingItsCodeTwiceGivesOneCode() {
        List<DecodedCode> codes = decoder.decode("Exception calling \"Connect\" with \"0\" argument(s): \"Class not"
                + " registered (Exception from HRESULT: 0x80040154 (REGDB_E_CLASSNOTREG))\"");

        assertThat(codes).extracting(DecodedCode::code, DecodedCode::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0x80040154", "REGDB_E_CLASSNOTREG"));
    }

    @Test
    void winsockErrorsAreWindowsErrors() {
        DecodedCode code = only("[ERROR] connect failed: Winsock error 10060");

        assertThat(code.name()).isEqualTo("WSAETIMEDOUT");
        assertThat(code.causes()).extracting(CauseHint::causeId).contains("net.unreachable", "net.port-blocked");
    }

    @Test
    void anNtstatusInAnHresultIsDecodedThroughItsNtstatus() {
        DecodedCode code = only("hr=0xD000006D");

        assertThat(code.code()).isEqualTo("0xd000006d");
        assertThat(code.name()).isEqualTo("STATUS_LOGON_FAILURE");
        assertThat(code.meaning()).endsWith("(NTSTATUS 0xc000006d in an HRESULT)");
    }

    @Test
    void unlistedHresultsSayTheirFacilityInsteadOfUnknown() {
        DecodedCode code = only("HRESULT 0x80094321");

        assertThat(code.kind()).isEqualTo(CodeKind.WINDOWS_STATUS);
        assertThat(code.name()).isEmpty();
        assertThat(code.known()).isFalse();
        assertThat(code.meaning()).isEqualTo("Windows error 0x80094321: an HRESULT failure of facility 9"
                + " (FACILITY_SECURITY, the Security Support Provider Interface (Schannel TLS, Kerberos, NTLM,"
                + " CredSSP)), code 0x4321; not in Triage's tables.");
    }

    @Test
    void unlistedWin32AndNtstatusValuesSayWhatTheyAre() {
        assertThat(only("0x80071234").meaning())
                .isEqualTo("Windows error 0x80071234: Win32 error 4660 (0x1234) carried in an HRESULT;"
                        + " not in Triage's tables.");
        assertThat(only("Status: 0xC0001234").meaning())
                .isEqualTo("Windows error 0xc0001234: an NTSTATUS error of facility 0x0, code 0x1234;"
                        + " not in Triage's tables.");
        assertThat(only("Win32 error 4660").meaning())
                .isEqualTo("Windows error 0x1234: Windows system error 4660; not in Triage's tables.");
    }

    @Test
    void windowsErrorNamesDecodeOnTheirOwn() {
        assertThat(only("Schannel returned SEC_E_WRONG_PRINCIPAL").code()).isEqualTo("0x80090322");
        assertThat(only("failed: RPC_S_SERVER_UNAVAILABLE").code()).isEqualTo("0x6ba");
    }

    @Test
    void plainNumbersOutsideACodeContextStayNumbers() {
        String prose = "Copied 1722 bytes over port 3389 in 2024; the log is 10060 KB, PID 1326, build 17763,"
                + " -2147023174 was the balance. [ERROR][com.freerdp.core.transport] - BIO_read returned a system"
                + " error 104: Connection reset by peer";

        assertThat(decoder.decode(prose)).isEmpty();
    }

    private DecodedCode only(String paste) {
        List<DecodedCode> codes = decoder.decode(paste);
        assertThat(codes).as(paste).hasSize(1);
        return codes.get(0);
    }
}
