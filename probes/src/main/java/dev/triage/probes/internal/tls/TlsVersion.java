package dev.triage.probes.internal.tls;

import java.util.Optional;

/** TLS protocol versions with their wire values (RFC 2246, 4346, 5246, 8446) and JSSE names. */
public enum TlsVersion {
    TLS_1_0(0x0301, "TLSv1"), TLS_1_1(0x0302, "TLSv1.1"), TLS_1_2(0x0303, "TLSv1.2"), TLS_1_3(0x0304, "TLSv1.3");

    private final int wire;
    private final String jsseName;

    TlsVersion(int wire, String jsseName) {
        this.wire = wire;
        this.jsseName = jsseName;
    }

    public int wire() {
        return wire;
    }

    public String jsseName() {
        return jsseName;
    }

    public static Optional<TlsVersion> fromWire(int wire) {
        for (TlsVersion v : values()) {
            if (v.wire == wire) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
