package dev.triage.probes.internal.tls;

/** TLS alert descriptions (RFC 8446 6.2, RFC 5246 7.2). */
final class AlertNames {
    private AlertNames() {
    }

    static String name(int description) {
        return switch (description) {
            case 0 -> "close_notify";
            case 10 -> "unexpected_message";
            case 20 -> "bad_record_mac";
            case 40 -> "handshake_failure";
            case 42 -> "bad_certificate";
            case 47 -> "illegal_parameter";
            case 50 -> "decode_error";
            case 51 -> "decrypt_error";
            case 70 -> "protocol_version";
            case 71 -> "insufficient_security";
            case 80 -> "internal_error";
            case 86 -> "inappropriate_fallback";
            case 90 -> "user_canceled";
            case 109 -> "missing_extension";
            case 110 -> "unsupported_extension";
            case 112 -> "unrecognized_name";
            default -> "alert_" + description;
        };
    }
}
