package dev.triage.probes.internal.rdp;

/** RDP_NEG_FAILURE failureCode values (MS-RDPBCGR 2.2.1.2.2). */
public enum FailureCode {
    SSL_REQUIRED_BY_SERVER(1),
    SSL_NOT_ALLOWED_BY_SERVER(2),
    SSL_CERT_NOT_ON_SERVER(3),
    INCONSISTENT_FLAGS(4),
    HYBRID_REQUIRED_BY_SERVER(5),
    SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER(6);

    private final int code;

    FailureCode(int code) {
        this.code = code;
    }

    public static String nameOf(long code) {
        for (FailureCode f : values()) {
            if (f.code == code) {
                return f.name();
            }
        }
        return "UNKNOWN_" + code;
    }
}
