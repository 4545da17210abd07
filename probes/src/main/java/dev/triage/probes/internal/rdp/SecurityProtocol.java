package dev.triage.probes.internal.rdp;

import java.util.ArrayList;
import java.util.List;

/** requestedProtocols / selectedProtocol bits (MS-RDPBCGR 2.2.1.1.1). */
public enum SecurityProtocol {
    RDP(0x00), SSL(0x01), HYBRID(0x02), RDSTLS(0x04), HYBRID_EX(0x08), RDSAAD(0x10);

    private final int bits;

    SecurityProtocol(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    /** The name for a selectedProtocol value, or {@code UNKNOWN_0x..} for values outside the spec. */
    public static String nameOf(int selected) {
        for (SecurityProtocol p : values()) {
            if (p.bits == selected) {
                return p.name();
            }
        }
        return String.format("UNKNOWN_0x%X", selected);
    }

    /** "SSL|HYBRID|HYBRID_EX" for 0x0B; "RDP" for 0. */
    public static String describeRequest(int requested) {
        if (requested == 0) {
            return "RDP";
        }
        List<String> names = new ArrayList<>();
        for (SecurityProtocol p : values()) {
            if (p.bits != 0 && (requested & p.bits) != 0) {
                names.add(p.name());
            }
        }
        return String.join("|", names);
    }

    /** Whether a TLS handshake follows the X.224 exchange when this protocol is selected. */
    public static boolean startsTls(int selected) {
        return selected == SSL.bits || selected == HYBRID.bits || selected == HYBRID_EX.bits;
    }

    public static boolean isCredSsp(int selected) {
        return selected == HYBRID.bits || selected == HYBRID_EX.bits;
    }
}
