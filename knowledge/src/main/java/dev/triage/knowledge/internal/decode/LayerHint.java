package dev.triage.knowledge.internal.decode;

/**
 * A hedged hint for a disconnect code no table lists. In the official OnDisconnected table the low byte groups the
 * codes by layer (0x..04 sockets, 0x..06 security, 0x..07 authentication, 0x..08 internal and licensing). That
 * grouping is an inference from the table (rdp-facts.md section 1.1), not documented by Microsoft, so it is worded as
 * a guess and only offered for values shaped like disconnect codes.
 */
final class LayerHint {
    private LayerHint() {
    }

    static String of(long value) {
        if (value < 0x100 || value > 0xFFFF) {
            return "";
        }
        String layer = switch ((int) (value & 0xFF)) {
            case 0x04 -> "the network and sockets layer";
            case 0x06 -> "the security and encryption layer";
            case 0x07 -> "authentication and credentials";
            case 0x08 -> "internal errors, licensing and timers";
            default -> "";
        };
        return layer.isEmpty() ? "" : " Its low byte (0x" + String.format("%02x", value & 0xFF)
                + ") matches the official codes of " + layer + ", so it probably comes from there (an inference from"
                + " the table's pattern, not a documented meaning).";
    }
}
