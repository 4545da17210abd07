package dev.triage.probes.internal.rdp;

import java.util.HexFormat;

/**
 * Parses the server's X.224 Connection Confirm (MS-RDPBCGR 2.2.1.2). A pure function: any byte array, including
 * truncated and hostile ones, yields a {@link NegotiationReply}; it never throws.
 */
public final class ConfirmParser {
    private static final int TPKT_AND_CC = 11;

    private ConfirmParser() {
    }

    public static NegotiationReply parse(byte[] pdu) {
        if (pdu.length < 4 || pdu[0] != 0x03 || pdu[1] != 0x00) {
            return garbage(pdu, "not a TPKT header");
        }
        int length = u16be(pdu, 2);
        if (length != pdu.length) {
            return garbage(pdu, "TPKT length " + length + " does not fit the " + pdu.length + " bytes received");
        }
        if (length >= 6 && (pdu[5] & 0xF0) != 0xD0) {
            return garbage(pdu, String.format("X.224 TPDU code 0x%02X is not a Connection Confirm", pdu[5] & 0xFF));
        }
        if (length < TPKT_AND_CC) {
            return garbage(pdu, "a Connection Confirm needs at least 11 bytes, got " + length);
        }
        int li = pdu[4] & 0xFF;
        if (li != length - 5) {
            return garbage(pdu, "X.224 length indicator " + li + " does not match the TPKT length");
        }
        int sourceReference = u16be(pdu, 8);
        if (length == TPKT_AND_CC) {
            return new NegotiationReply.LegacyConfirm(sourceReference);
        }
        return parseNegotiation(pdu, sourceReference);
    }

    private static NegotiationReply parseNegotiation(byte[] pdu, int sourceReference) {
        if (pdu.length < TPKT_AND_CC + 8) {
            return garbage(pdu, "negotiation data shorter than 8 bytes");
        }
        int type = pdu[TPKT_AND_CC] & 0xFF;
        int flags = pdu[TPKT_AND_CC + 1] & 0xFF;
        long value = u32le(pdu, TPKT_AND_CC + 4);
        return switch (type) {
            case 0x02 -> new NegotiationReply.Selected((int) value, flags, sourceReference);
            case 0x03 -> new NegotiationReply.Refused(value, sourceReference);
            default -> garbage(pdu, String.format("negotiation type 0x%02X is neither RSP nor FAILURE", type));
        };
    }

    private static NegotiationReply garbage(byte[] pdu, String why) {
        return new NegotiationReply.Garbage(firstBytes(pdu), why);
    }

    /** Up to 16 bytes in hex, for reports. */
    public static String firstBytes(byte[] bytes) {
        int n = Math.min(bytes.length, 16);
        return HexFormat.ofDelimiter(" ").formatHex(bytes, 0, n);
    }

    private static int u16be(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static long u32le(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }
}
