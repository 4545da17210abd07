package dev.triage.probes.internal.rdp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads one TPKT-framed PDU, refusing absurd lengths so a hostile server cannot make the probe allocate or wait. */
public final class TpktReader {
    /** A Connection Confirm is 11 or 19 bytes; anything above this is not one. */
    static final int MAX_PDU = 512;

    private TpktReader() {
    }

    /**
     * Returns the whole PDU, or for data that is not TPKT the bytes read so far (the parser then calls it garbage).
     *
     * @throws EOFException when the server closes before sending anything
     */
    public static byte[] read(InputStream in) throws IOException {
        byte[] header = new byte[4];
        int got = readUpTo(in, header, 0, 4);
        if (got == 0) {
            throw new EOFException("connection closed before any byte was received");
        }
        if (got < 4 || header[0] != 0x03) {
            return Arrays.copyOf(header, got);
        }
        int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length < 4 || length > MAX_PDU) {
            return header;
        }
        byte[] pdu = Arrays.copyOf(header, length);
        int body = readUpTo(in, pdu, 4, length - 4);
        return body == length - 4 ? pdu : Arrays.copyOf(pdu, 4 + body);
    }

    /** Reads until {@code count} bytes or end of stream; returns how many arrived. */
    static int readUpTo(InputStream in, byte[] into, int offset, int count) throws IOException {
        int total = 0;
        while (total < count) {
            int n = in.read(into, offset + total, count - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
