package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.internal.codes.CodeSpelling;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the Windows error space by its structure (MS-ERREF 2.1 and 2.3) rather than row by row. An HRESULT is split
 * into severity, facility and code: a FACILITY_WIN32 HRESULT carries a Win32 code in its low word, one with the N bit
 * carries an NTSTATUS. NTSTATUS values have their own table, and a small number is read as a Win32 code. A value
 * shaped like an HRESULT or NTSTATUS that no table lists still says what it is instead of coming back unknown.
 */
final class WindowsErrors {
    private static final long HRESULT_FAILURE = 0x8000_0000L;
    private static final long NTSTATUS_ERROR = 0xC000_0000L;
    private static final long NT_BIT = 0x1000_0000L;
    private static final long TOP_NIBBLE = 0xF000_0000L;
    private static final int FACILITY_WIN32 = 7;
    private static final long MAX_WIN32 = 0xFFFF;
    private static final String NOT_LISTED = "; not in Triage's tables.";

    private final CodeTables tables;

    WindowsErrors(CodeTables tables) {
        this.tables = tables;
    }

    /**
     * The value read as a Windows error. Small values are Win32 codes only when listed, unless {@code windowsContext}
     * says the text called it a Windows error ("Win32 error 1234"); then an unlisted one is still described.
     */
    Optional<DecodedCode> decode(long value, String matched, boolean windowsContext) {
        Optional<DecodedCode> listed = row(tables.hresults(), value, matched, "")
                .or(() -> row(tables.ntstatus(), value, matched, ""));
        if (listed.isPresent()) {
            return listed;
        }
        if ((value & TOP_NIBBLE) == NTSTATUS_ERROR) {
            return Optional.of(unlisted(value, matched, "an NTSTATUS error of facility 0x"
                    + Long.toHexString(value >> 16 & 0xFFF) + ", code 0x" + Long.toHexString(value & 0xFFFF)));
        }
        if ((value & HRESULT_FAILURE) != 0 && (value & NT_BIT) != 0) {
            return fromNtStatus(value, matched);
        }
        if ((value & HRESULT_FAILURE) != 0) {
            return Optional.of(hresult(value, matched));
        }
        if (value <= MAX_WIN32) {
            Optional<DecodedCode> win32 = row(tables.win32(), value, matched, " (Windows system error " + value + ")");
            return windowsContext && win32.isEmpty()
                    ? Optional.of(unlisted(value, matched, "Windows system error " + value)) : win32;
        }
        return Optional.empty();
    }

    /** HRESULT_FROM_NT: the NTSTATUS is the value without its N bit. */
    private Optional<DecodedCode> fromNtStatus(long value, String matched) {
        long status = value & ~NT_BIT;
        return row(tables.ntstatus(), status, matched, " (NTSTATUS " + CodeSpelling.hex(status) + " in an HRESULT)")
                .map(code -> rekeyed(code, value))
                .or(() -> Optional.of(unlisted(value, matched, "NTSTATUS " + CodeSpelling.hex(status)
                        + " carried in an HRESULT")));
    }

    private DecodedCode hresult(long value, String matched) {
        int facility = (int) (value >> 16 & 0x7FF);
        long code = value & 0xFFFF;
        if (facility == FACILITY_WIN32) {
            String carried = " (Win32 error " + code + " carried in an HRESULT)";
            return row(tables.win32(), code, matched, carried).map(decoded -> rekeyed(decoded, value))
                    .orElseGet(() -> unlisted(value, matched, "Win32 error " + code + " (" + CodeSpelling.hex(code)
                            + ") carried in an HRESULT"));
        }
        String name = tables.facilities().exact(facility)
                .map(row -> " (" + row.name() + ", " + row.meaning() + ")").orElse("");
        return unlisted(value, matched, "an HRESULT failure of facility " + facility + name + ", code "
                + CodeSpelling.hex(code));
    }

    private static Optional<DecodedCode> row(CodeTable table, long value, String matched, String suffix) {
        return table.exact(value).map(row -> new DecodedCode(CodeSpelling.hex(value), CodeKind.WINDOWS_STATUS, value,
                row.name(), row.meaning() + suffix, table.source(), matched, row.causes()));
    }

    /** The row found under the inner code, spelled as the outer HRESULT the user pasted. */
    private static DecodedCode rekeyed(DecodedCode inner, long value) {
        return new DecodedCode(CodeSpelling.hex(value), inner.kind(), value, inner.name(), inner.meaning(),
                inner.source(), inner.matched(), inner.causes());
    }

    private DecodedCode unlisted(long value, String matched, String what) {
        return new DecodedCode(CodeSpelling.hex(value), CodeKind.WINDOWS_STATUS, value, "",
                "Windows error " + CodeSpelling.hex(value) + ": " + what + NOT_LISTED, tables.facilities().source(),
                matched, List.of());
    }
}
