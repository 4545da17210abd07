package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.internal.codes.CodeSpelling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds error codes in pasted text and decodes them with the table their label points to. Only labelled numbers,
 * {@code 0x} hex and code names are considered, so years, addresses, ports and build numbers in prose are left alone.
 * Stateless after construction and safe for concurrent use.
 */
public final class CodeDecoder {
    static final String NOT_IN_TABLES = "Unknown code: not in the official tables (mstsc OnDisconnected,"
            + " ExtendedDisconnectReasonCode, MS-RDPBCGR error info, FreeRDP connect errors).";
    /** Enough for any real paste; stops a hostile one from producing a huge answer. */
    private static final int MAX_CODES = 100;
    private static final long FREERDP_ERRINFO_CLASS = 0x10000;

    private final CodeTables tables;
    private final WindowsErrors windows;
    private final OpenSslErrors openssl;
    private final GatewayStatus gateway;

    public CodeDecoder(CodeTables tables) {
        this.tables = tables;
        this.windows = new WindowsErrors(tables);
        this.openssl = new OpenSslErrors(tables.sslReasons(), tables.tlsAlerts());
        this.gateway = new GatewayStatus(tables.guacamole(), tables.jumpserver());
    }

    /** Every code in the text, in order of appearance, each (kind, code) once. Never throws on any input. */
    public List<DecodedCode> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        // First, so that at the same place a gateway's status wins over mstsc's reading of "error 516" (0x204).
        gateway.find(text).forEach(g -> found.add(new Found(g.start(), g.end(), g.code())));
        labelled(text, found);
        openssl(text, found);
        names(text, found);
        bareHex(text, found);
        bareNtStatus(text, found);
        return distinct(withoutOverlaps(found));
    }

    /** A decoded code and where it was found. */
    private record Found(int start, int end, DecodedCode code) {
    }

    private void labelled(String text, List<Found> found) {
        Matcher m = CodeLabels.LABELLED.matcher(text);
        while (m.find()) {
            Context context = CodeLabels.context(m);
            List<Long> values = CodeLabels.candidates(m.group("value"), context);
            if (!values.isEmpty()) {
                found.add(new Found(m.start(), m.end(), resolve(context, values, m.group().strip())));
            }
        }
    }

    /**
     * Runs after {@link #labelled}: at the same start the longer OpenSSL match wins over "error:14094438". The find
     * claims the packed code and the colon after it, not its library, function and reason text, which in a paste
     * flattened to one line runs on over the codes that follow ("...:tlsv1 alert internal error; HRESULT 0x...").
     */
    private void openssl(String text, List<Found> found) {
        Matcher m = OpenSslErrors.ERROR.matcher(text);
        while (m.find()) {
            int end = Math.min(m.end(), m.end("packed") + 1);
            openssl.decode(m).ifPresent(code -> found.add(new Found(m.start(), end, code)));
        }
    }

    private void names(String text, List<Found> found) {
        Matcher m = CodeLabels.NAME.matcher(text);
        while (m.find()) {
            byName(m.group()).ifPresent(code -> found.add(new Found(m.start(), m.end(), code)));
        }
    }

    private void bareHex(String text, List<Found> found) {
        Matcher m = CodeLabels.HEX.matcher(text);
        while (m.find()) {
            Optional<Long> value = CodeSpelling.hexValue(m.group());
            if (value.isPresent()) {
                found.add(new Found(m.start(), m.end(), resolve(Context.UNLABELLED, List.of(value.get()), m.group())));
            }
        }
    }

    /**
     * Logon and CredSSP logs print NTSTATUS values without {@code 0x} ("ErrorCode = c0000224", "Status: C000006D"). Such
     * a token is read only when the NTSTATUS table lists it, so a hash or GUID fragment that happens to start with
     * {@code c0} is left alone.
     */
    private void bareNtStatus(String text, List<Found> found) {
        Matcher m = CodeLabels.BARE_NTSTATUS.matcher(text);
        while (m.find()) {
            long value = Long.parseLong(m.group(), 16);
            exact(tables.ntstatus()).find(value, m.group())
                    .ifPresent(code -> found.add(new Found(m.start(), m.end(), code)));
        }
    }

    private Optional<DecodedCode> byName(String name) {
        for (CodeTable table : List.of(tables.connect(), tables.serverInfo(), tables.disconnect(), tables.extended(),
                tables.hresults(), tables.ntstatus(), tables.win32())) {
            Optional<CodeRow> row = table.named(name);
            if (row.isPresent()) {
                return Optional.of(decoded(table, table.kind(), row.get().first(), row.get(), name));
            }
        }
        if (CodeLabels.CODE_NAME_PREFIX.matcher(name).matches()) {
            String upper = name.toUpperCase(Locale.ROOT);
            return Optional.of(new DecodedCode(upper, CodeKind.UNKNOWN, 0, upper, NOT_IN_TABLES, "", name));
        }
        return Optional.empty();
    }

    /** Tries the context's tables in order for each reading of the value; the first hit wins. */
    private DecodedCode resolve(Context context, List<Long> values, String matched) {
        for (Lookup lookup : lookups(context)) {
            for (long value : values) {
                Optional<DecodedCode> hit = lookup.find(value, matched);
                if (hit.isPresent()) {
                    return hit.get();
                }
            }
        }
        long value = values.get(0);
        return new DecodedCode(CodeSpelling.hex(value), CodeKind.UNKNOWN, value, "",
                NOT_IN_TABLES + LayerHint.of(value), "", matched);
    }

    /** One way to look a value up. */
    private interface Lookup {
        Optional<DecodedCode> find(long value, String matched);
    }

    private List<Lookup> lookups(Context context) {
        Lookup windowsError = (value, matched) -> windows.decode(value, matched, false);
        return switch (context) {
            case DISCONNECT, GENERIC -> List.of(exact(tables.disconnect()), exact(tables.unverified()),
                    exact(tables.connect()), this::freerdpErrorInfo, windowsError);
            case EXTENDED -> List.of(exact(tables.extended()), exact(tables.serverInfo()), range(tables.extended()),
                    exact(tables.connect()));
            case SERVER_INFO -> List.of(exact(tables.serverInfo()), this::freerdpErrorInfo);
            case UNLABELLED -> List.of(exact(tables.disconnect()), exact(tables.unverified()),
                    exact(tables.serverInfo()), exact(tables.connect()), this::freerdpErrorInfo,
                    exact(tables.extended()), windowsError);
            case WINDOWS -> List.of((value, matched) -> windows.decode(value, matched, true));
        };
    }

    private Lookup exact(CodeTable table) {
        return (value, matched) -> table.exact(value).map(row -> decoded(table, table.kind(), value, row, matched));
    }

    private Lookup range(CodeTable table) {
        return (value, matched) -> table.range(value).map(row -> decoded(table, table.kind(), value, row, matched));
    }

    /** FreeRDP logs server error info with its class in the high word, e.g. 0x0001000C for LOGOFF_BY_USER. */
    private Optional<DecodedCode> freerdpErrorInfo(long value, String matched) {
        if ((value & ~0xFFFFL) != FREERDP_ERRINFO_CLASS) {
            return Optional.empty();
        }
        long info = value & 0xFFFFL;
        CodeTable table = tables.serverInfo();
        return table.exact(info).map(row -> decoded(table, table.kind(), info, row, matched));
    }

    private static DecodedCode decoded(CodeTable table, CodeKind kind, long value, CodeRow row, String matched) {
        return new DecodedCode(CodeSpelling.hex(value), kind, value, row.name(), row.meaning(), table.source(),
                matched, row.causes());
    }

    /** Keeps the earliest of overlapping finds, so "Error code: 0x904" is not also read as a bare 0x904. */
    private static List<Found> withoutOverlaps(List<Found> found) {
        found.sort(Comparator.comparingInt(Found::start).thenComparing(f -> -f.end()));
        List<Found> kept = new ArrayList<>();
        int end = -1;
        for (Found f : found) {
            if (f.start() >= end) {
                kept.add(f);
                end = f.end();
            }
        }
        return kept;
    }

    private static List<DecodedCode> distinct(List<Found> found) {
        Map<String, DecodedCode> unique = new LinkedHashMap<>();
        for (Found f : found) {
            if (unique.size() >= MAX_CODES) {
                break;
            }
            unique.putIfAbsent(f.code().kind() + ":" + f.code().code(), f.code());
        }
        return List.copyOf(unique.values());
    }
}
