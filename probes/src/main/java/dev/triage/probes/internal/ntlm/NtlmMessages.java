package dev.triage.probes.internal.ntlm;

/** The NTLM NEGOTIATE_MESSAGE the probe sends (MS-NLMP 2.2.1.1), with no domain or workstation. */
public final class NtlmMessages {
    /**
     * UNICODE, OEM, REQUEST_TARGET, SIGN, SEAL, LM_KEY, NTLM, ALWAYS_SIGN, EXTENDED_SESSIONSECURITY, VERSION, 128,
     * KEY_EXCH, 56 (MS-NLMP 2.2.2.5): what Windows clients offer, so servers answer with their full target info.
     */
    private static final int FLAGS = 0xE20882B7;

    private NtlmMessages() {
    }

    public static byte[] negotiate() {
        byte[] message = new byte[40];
        byte[] signature = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};
        System.arraycopy(signature, 0, message, 0, 8);
        message[8] = 1; // MessageType NEGOTIATE
        putLe32(message, 12, FLAGS);
        // Domain and workstation fields (16..31) stay zero: empty. VERSION: 10.0 build 17763, NTLM revision 15.
        message[32] = 10;
        message[33] = 0;
        message[34] = (byte) (17763 & 0xFF);
        message[35] = (byte) (17763 >> 8);
        message[39] = 0x0F;
        return message;
    }

    private static void putLe32(byte[] into, int at, int value) {
        for (int i = 0; i < 4; i++) {
            into[at + i] = (byte) (value >> (8 * i));
        }
    }
}
