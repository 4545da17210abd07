package dev.triage.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * An error code found in pasted text, with its meaning.
 *
 * @param code     canonical spelling: lower-case hex without leading zeros ({@code 0x904}) or the symbolic name
 * @param kind     which table it was decoded from
 * @param value    the numeric value (0 for purely symbolic codes that have none)
 * @param name     the symbolic name in that table, empty when unknown
 * @param meaning  the meaning as the table states it; for UNKNOWN/UNVERIFIED codes a plain statement saying so
 * @param source   the table's source (document or specification), empty when unknown
 * @param matched  the text as the user pasted it
 * @param causes   the causes the code's table row points at; empty for most codes (the rules know those)
 */
public record DecodedCode(
        String code, CodeKind kind, long value, String name, String meaning, String source, String matched,
        List<CauseHint> causes) {
    private static final long FIRST_LION_CODE = 1000;

    public DecodedCode {
        causes = List.copyOf(causes);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(matched, "matched");
    }

    /** A code whose table row points at no cause. */
    public DecodedCode(String code, CodeKind kind, long value, String name, String meaning, String source,
                       String matched) {
        this(code, kind, value, name, meaning, source, matched, List.of());
    }

    /**
     * The code as a helpdesk looks for it in the user's paste: web gateways print Guacamole's statuses in decimal
     * ("error 519"), so a status shows that number beside its canonical hex ({@code 519 (0x207)}); others their code.
     */
    public String shown() {
        if (kind != CodeKind.GUACAMOLE_STATUS) {
            return code;
        }
        return jumpServerLion() ? Long.toString(value) : value + " (" + code + ")";
    }

    /**
     * What a helpdesk calls the code, by its table. The views and the rules' evidence sentences (which receive it on
     * the code's fact) both use it, so the two never name one code differently.
     */
    public String label() {
        return switch (kind) {
            case DISCONNECT_REASON -> "error code";
            case EXTENDED_REASON -> "extended error code";
            case SERVER_ERROR_INFO -> "server error info";
            case FREERDP_CONNECT_ERROR -> "FreeRDP connect error";
            case WINDOWS_STATUS -> "Windows error";
            case OPENSSL_ERROR -> "OpenSSL error";
            case GUACAMOLE_STATUS -> jumpServerLion() ? "JumpServer Lion code" : "Guacamole status";
            case UNVERIFIED -> "unverified code";
            case UNKNOWN -> "unknown code";
        };
    }

    /**
     * True for JumpServer Lion's own codes (1000 and up, jumpserver-lion-status.tsv), which travel as Guacamole
     * statuses although Guacamole's own end at 797 (0x31D); they are known only in decimal.
     */
    public boolean jumpServerLion() {
        return kind == CodeKind.GUACAMOLE_STATUS && value >= FIRST_LION_CODE;
    }

    /** True when an official (or, for FreeRDP, the implementation's own) table lists the code. */
    public boolean known() {
        return kind != CodeKind.UNKNOWN && kind != CodeKind.UNVERIFIED && !name.isEmpty();
    }
}
