package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.internal.codes.CodeSpelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labels mstsc and other clients print before a code, in the languages seen in user reports, and the patterns
 * for bare hex codes and symbolic names. All quantifiers are bounded so a hostile paste cannot make them backtrack.
 */
final class CodeLabels {
    private static final String GAP = "[\\s\\u3000]{0,3}";
    private static final String EXTENDED = String.join("|",
            "extended error code", "extended error", "erweiterter fehlercode", "code d['’]erreur étendu", "código de error extendido",
            "código de erro estendido", "扩展错误代码", "拡張エラー" + GAP + "コード", "расширенный код ошибки");
    // guacd logs the server's error info at debug level as "Disconnect reason code: 0x%X." (guacamole-server
    // src/protocols/rdp/error.c, guac_rdp_client_abort); read as mstsc's, its 0x3 (idle timeout) would be "by server".
    private static final String SERVER_INFO = "(?:(?:protocol error|protokollfehler)" + GAP + "\\(?" + GAP + "code"
            + "|disconnect reason code)";
    private static final String DISCONNECT = String.join("|",
            "error code", "fehlercode", "code d['’]erreur", "código de error", "código de erro", "错误代码",
            "エラー" + GAP + "コード", "код ошибки",
            // Client event 1026: "RDP ClientActiveX has been disconnected (Reason= 2308)", decimal.
            "\\(reason(?=" + GAP + "=)",
            // mRemoteNG up to 1.76 logs "RDP disconnected!", a line break, then the control's discReason in decimal
            // (mRemoteV1/Connection/ConnectionInitiator.cs, Language.resx strRdpDisconnected).
            "rdp disconnected!");
    // Words that say the number is a Windows error: Win32 and Winsock numbers, HRESULTs (also signed decimal, as .NET
    // and PowerShell print them), GetLastError values.
    private static final String WINDOWS = String.join("|",
            "win32 error(?: code)?", "winsock error(?: code)?", "windows error(?: code)?",
            "(?:get)?last ?error(?: code)?(?:\\(\\))?", "hresult", "hr ?=", "ntstatus");
    // A Unix errno ("BIO_read returned a system error 104") is not a Windows or RDP code, and "socket", "SSL", "HTTP"
    // and "curl" errors number their own spaces, so a bare "error N" after those words is left alone.
    private static final String GENERIC =
            "(?<![\\p{L}\\p{N}_])(?<!(?i:system|socket|winsock|errno|os|ssl|win32|windows|http|curl) )error";
    private static final String VALUE = "(?<value>\\[?0x[0-9a-f]{1,16}\\]?|-[0-9]{9,10}|[0-9a-f]{1,16})"
            + "(?![\\p{L}\\p{N}_]|\\.\\d)";

    /** First letters of all labels: a cheap test that lets the matcher skip most positions of a long paste. */
    private static final String FIRST_LETTER = "(?=[efcpwhlgnrdкр错扩エ拡(])";

    static final Pattern LABELLED = Pattern.compile(FIRST_LETTER
            + "(?:(?<extended>" + EXTENDED + ")|(?<serverinfo>" + SERVER_INFO + ")|(?<disconnect>" + DISCONNECT
                    + ")|(?<windows>(?<![\\p{L}\\p{N}_])(?:" + WINDOWS + "))|(?<generic>" + GENERIC + "))"
                    + GAP + "[:：=#]?" + GAP + VALUE,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    static final Pattern HEX = Pattern.compile("(?<![\\p{L}\\p{N}_])0[xX][0-9a-fA-F]{1,16}(?![\\p{L}\\p{N}_])");

    /** An NTSTATUS error value written without its {@code 0x}: eight hex digits starting with {@code c0}. */
    static final Pattern BARE_NTSTATUS = Pattern.compile("(?<![\\p{L}\\p{N}_])[cC]0[0-9a-fA-F]{6}(?![\\p{L}\\p{N}_])");

    static final Pattern NAME = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])(?:[A-Za-z][A-Za-z0-9]{0,40}(?:_[A-Za-z0-9]{1,40}){1,12}"
                    + "|(?:disconnectReason|exDiscReason)[A-Za-z0-9]{1,60})(?![\\p{L}\\p{N}_])");

    /** Name prefixes that mark a token as a code even when no table knows it. */
    static final Pattern CODE_NAME_PREFIX = Pattern.compile("(?i)(?:ERRCONNECT|ERRINFO|SSL_ERR)_.*");

    private CodeLabels() {
    }

    static Context context(Matcher labelled) {
        if (labelled.group("extended") != null) {
            return Context.EXTENDED;
        }
        if (labelled.group("serverinfo") != null) {
            return Context.SERVER_INFO;
        }
        if (labelled.group("disconnect") != null) {
            return Context.DISCONNECT;
        }
        if (labelled.group("windows") != null) {
            return Context.WINDOWS;
        }
        // "error 0x7" in prose names no table; only mRemoteNG's decimals ("error 3334") are mstsc codes.
        return labelled.group("value").contains("x") || labelled.group("value").contains("X")
                ? Context.UNLABELLED : Context.GENERIC;
    }

    /**
     * The values a labelled token can mean, most likely first: one for hex; for plain digits the decimal reading
     * (mRemoteNG prints decimals) and then the hex reading without its {@code 0x} (people drop it).
     */
    static List<Long> candidates(String value, Context context) {
        String text = value.replace("[", "").replace("]", "");
        if (text.startsWith("-")) {
            return signedHresult(text.substring(1));
        }
        Optional<Long> hex = CodeSpelling.hexValue(text);
        if (hex.isPresent() || text.startsWith("0x") || text.startsWith("0X")) {
            return hex.map(List::of).orElse(List.of());
        }
        boolean decimal = text.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean hasDigit = text.chars().anyMatch(c -> c >= '0' && c <= '9');
        if (!hasDigit || context == Context.GENERIC && (!decimal || text.length() < 3)) {
            // "error 2 of 3" is prose; mRemoteNG's decimals have three digits or more.
            return List.of();
        }
        List<Long> values = new ArrayList<>();
        if (decimal) {
            CodeSpelling.parse(text, 10).ifPresent(values::add);
        }
        if (context != Context.GENERIC) {
            CodeSpelling.parse(text, 16).filter(v -> !values.contains(v)).ifPresent(values::add);
        }
        return values;
    }

    /** .NET and PowerShell print an HRESULT as a signed 32-bit decimal: -2147023174 is 0x800706BA. */
    private static List<Long> signedHresult(String digits) {
        return CodeSpelling.parse(digits, 10)
                .filter(magnitude -> magnitude > 0 && magnitude <= 0x8000_0000L)
                .map(magnitude -> List.of(0x1_0000_0000L - magnitude))
                .orElse(List.of());
    }
}
