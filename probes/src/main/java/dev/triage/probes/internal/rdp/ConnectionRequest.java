package dev.triage.probes.internal.rdp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the client X.224 Connection Request (MS-RDPBCGR 2.2.1.1): TPKT header, class 0 CR TPDU, a cookie and an
 * RDP_NEG_REQ. The cookie value is ignored by servers (MS-RDPBCGR 3.3.5.3.1); it makes the probe visible in logs.
 */
public final class ConnectionRequest {
    private static final byte[] COOKIE = "Cookie: mstshash=triage\r\n".getBytes(StandardCharsets.US_ASCII);

    private ConnectionRequest() {
    }

    public static byte[] withProtocols(int requestedProtocols) {
        ByteArrayOutputStream tpdu = new ByteArrayOutputStream();
        tpdu.writeBytes(new byte[] {(byte) 0xE0, 0, 0, 0, 0, 0}); // CR code, dst-ref, src-ref, class 0
        tpdu.writeBytes(COOKIE);
        tpdu.writeBytes(new byte[] {0x01, 0x00, 0x08, 0x00}); // RDP_NEG_REQ type, flags, length 8 (LE)
        tpdu.writeBytes(littleEndian32(requestedProtocols));
        byte[] body = tpdu.toByteArray();
        int total = 4 + 1 + body.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        out.writeBytes(new byte[] {0x03, 0x00, (byte) (total >> 8), (byte) total});
        out.write(body.length); // LI: the TPDU length without the LI byte itself
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static byte[] littleEndian32(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }
}
