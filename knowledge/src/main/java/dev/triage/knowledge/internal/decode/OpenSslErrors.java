package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.internal.codes.CodeSpelling;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads OpenSSL's packed error codes, which are not RDP codes: {@code error:14094438:SSL routines:ssl3_read_bytes:...}
 * (OpenSSL 1.x: library in bits 24-31, function in 12-23, reason in 0-11) and {@code error:0A000086:SSL routines::...}
 * (OpenSSL 3: library in bits 23-30, reason in 0-22, no function, bit 31 marking an operating system errno). In the
 * SSL library a reason of 1000 + N is the TLS alert N the peer sent. Layouts: {@code ERR_PACK} in OpenSSL's err.h.
 */
final class OpenSslErrors {
    /** The packed value and the library, function and reason texts OpenSSL printed after it. */
    static final Pattern ERROR = Pattern.compile("(?<![\\p{L}\\p{N}_])error:(?<packed>[0-9A-Fa-f]{8})"
            + "(?::(?<lib>[^:\\n]{0,40}):(?<func>[^:\\n]{0,60}):(?<reason>[^:\\n]{0,80}))?");

    private static final int LIB_SSL = 20;
    private static final long ALERT_OFFSET = 1000;
    private static final long MAX_ALERT = 255;
    private static final long SYSTEM_FLAG = 0x8000_0000L;
    private static final String SOURCE = "OpenSSL include/openssl/err.h (ERR_PACK, 1.1.1 and 3.x) and sslerr.h";

    private final CodeTable sslReasons;
    private final CodeTable alerts;

    OpenSslErrors(CodeTable sslReasons, CodeTable alerts) {
        this.sslReasons = sslReasons;
        this.alerts = alerts;
    }

    /** The code a match of {@link #ERROR} stands for; empty when its hex does not parse. */
    Optional<DecodedCode> decode(Matcher m) {
        Optional<Long> packed = CodeSpelling.parse(m.group("packed"), 16);
        if (packed.isEmpty()) {
            return Optional.empty();
        }
        long value = packed.get();
        String matched = m.group().strip();
        if ((value & SYSTEM_FLAG) != 0) {
            return Optional.of(plain(value, matched, "the operating system's error " + (value & 0x7FFF_FFFFL)
                    + " (an errno), reported through OpenSSL 3; not a TLS or RDP code."));
        }
        Packing packing = Packing.of(value, m.group("func"));
        if (packing.library() != LIB_SSL) {
            return Optional.of(plain(value, matched, "an OpenSSL error of library " + packing.library()
                    + reasonText(m) + ", reason " + packing.reason() + "; not a TLS alert or RDP code."));
        }
        return Optional.of(ssl(value, matched, packing.reason(), m));
    }

    private DecodedCode ssl(long value, String matched, long reason, Matcher m) {
        long alert = reason - ALERT_OFFSET;
        if (alert >= 0 && alert <= MAX_ALERT) {
            Optional<CodeRow> row = alerts.exact(alert);
            String name = row.map(CodeRow::name).orElse("alert " + alert);
            String meaning = "The server (the peer) sent the TLS alert " + name + " (" + alert + "). "
                    + row.map(CodeRow::meaning).orElse("An alert number no RFC lists.");
            return new DecodedCode(CodeSpelling.hex(value), CodeKind.OPENSSL_ERROR, value, "TLS_ALERT_"
                    + name.toUpperCase(java.util.Locale.ROOT), meaning, alerts.source(), matched,
                    row.map(CodeRow::causes).orElse(List.of()));
        }
        return sslReasons.exact(reason)
                .map(row -> new DecodedCode(CodeSpelling.hex(value), CodeKind.OPENSSL_ERROR, value, row.name(),
                        "OpenSSL: " + row.meaning(), sslReasons.source(), matched, row.causes()))
                .orElseGet(() -> plain(value, matched, "an OpenSSL SSL error, reason " + reason + reasonText(m)
                        + "; not in Triage's table of SSL reasons."));
    }

    private static String reasonText(Matcher m) {
        String reason = m.group("reason");
        return reason == null || reason.isBlank() ? "" : " (\"" + reason.strip() + "\")";
    }

    private static DecodedCode plain(long value, String matched, String meaning) {
        return new DecodedCode(CodeSpelling.hex(value), CodeKind.OPENSSL_ERROR, value, "",
                "OpenSSL error " + CodeSpelling.hex(value) + ": " + meaning, SOURCE, matched, List.of());
    }

    /**
     * Library and reason under the packing the value was made with. OpenSSL 3 prints no function ("SSL routines::"),
     * and its SSL library shows as 0x0A in the top byte where 1.x shows 0x14.
     */
    private record Packing(int library, long reason) {
        private static final int OPENSSL3_LIB_SHIFT = 23;
        private static final long OPENSSL3_REASON_MASK = 0x7F_FFFFL;
        private static final long OPENSSL1_REASON_MASK = 0xFFFL;
        private static final long OPENSSL3_SSL_TOP_BYTE = 0x0A;

        static Packing of(long value, String function) {
            boolean openssl3 = function != null ? function.isEmpty() : value >> 24 == OPENSSL3_SSL_TOP_BYTE;
            return openssl3
                    ? new Packing((int) (value >> OPENSSL3_LIB_SHIFT & 0xFF), value & OPENSSL3_REASON_MASK)
                    : new Packing((int) (value >> 24 & 0xFF), value & OPENSSL1_REASON_MASK);
        }
    }
}
