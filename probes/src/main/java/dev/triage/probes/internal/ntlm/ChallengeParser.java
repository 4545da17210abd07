package dev.triage.probes.internal.ntlm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Parses an NTLM CHALLENGE_MESSAGE (MS-NLMP 2.2.1.2). Every offset comes from the server, so each is checked;
 * the parser returns empty for anything malformed and never throws.
 */
public final class ChallengeParser {
    private static final byte[] SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};
    private static final int FIXED_SIZE = 56;
    private static final int NEGOTIATE_VERSION = 0x02000000;
    /** 100-ns intervals between 1601-01-01 and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private ChallengeParser() {
    }

    public static Optional<HostInfo> parse(byte[] message) {
        if (message.length < 48 || !Arrays.equals(Arrays.copyOf(message, 8), SIGNATURE) || le32(message, 8) != 2) {
            return Optional.empty();
        }
        Optional<byte[]> targetName = field(message, 12);
        Optional<byte[]> targetInfo = field(message, 40);
        if (targetName.isEmpty() || targetInfo.isEmpty()) {
            return Optional.empty();
        }
        long flags = le32(message, 20);
        AvPairs pairs = AvPairs.parse(targetInfo.get());
        return Optional.of(new HostInfo(
                utf16(targetName.get()),
                pairs.text(1), pairs.text(2), pairs.text(3), pairs.text(4), pairs.text(5),
                pairs.timestamp(),
                version(message, flags).map(v -> v[0] + "." + v[1] + "." + v[2]),
                version(message, flags).map(v -> v[2])));
    }

    /** A (Len u16, MaxLen u16, Offset u32) field's bytes, if they lie inside the message. */
    private static Optional<byte[]> field(byte[] message, int at) {
        int length = le16(message, at);
        long offset = le32(message, at + 4);
        if (length == 0) {
            return Optional.of(new byte[0]);
        }
        if (offset < 0 || offset + length > message.length) {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(message, (int) offset, (int) offset + length));
    }

    private static Optional<int[]> version(byte[] message, long flags) {
        if ((flags & NEGOTIATE_VERSION) == 0 || message.length < FIXED_SIZE) {
            return Optional.empty();
        }
        int major = message[48] & 0xFF;
        int minor = message[49] & 0xFF;
        if (major == 0) {
            return Optional.empty();
        }
        return Optional.of(new int[] {major, minor, le16(message, 50)});
    }

    static String utf16(byte[] bytes) {
        return new String(bytes, 0, bytes.length - (bytes.length % 2), StandardCharsets.UTF_16LE);
    }

    static int le16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long le32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /** The AV_PAIR list (MS-NLMP 2.2.2.1); stops at MsvAvEOL or at the first pair that overruns. */
    private record AvPairs(String[] texts, Optional<Instant> timestamp) {
        static AvPairs parse(byte[] info) {
            String[] texts = new String[6];
            Optional<Instant> timestamp = Optional.empty();
            int at = 0;
            while (at + 4 <= info.length) {
                int id = le16(info, at);
                int length = le16(info, at + 2);
                if (id == 0 || at + 4 + length > info.length) {
                    break;
                }
                byte[] value = Arrays.copyOfRange(info, at + 4, at + 4 + length);
                if (id >= 1 && id <= 5) {
                    texts[id] = utf16(value);
                } else if (id == 7 && length == 8) {
                    timestamp = fileTime(value);
                }
                at += 4 + length;
            }
            return new AvPairs(texts, timestamp);
        }

        String text(int id) {
            return texts[id] == null ? "" : texts[id];
        }

        private static Optional<Instant> fileTime(byte[] value) {
            long ticks = le32(value, 0) | le32(value, 4) << 32;
            if (ticks < FILETIME_EPOCH_OFFSET) {
                return Optional.empty();
            }
            long sinceEpoch = ticks - FILETIME_EPOCH_OFFSET;
            return Optional.of(Instant.ofEpochSecond(sinceEpoch / 10_000_000L, (sinceEpoch % 10_000_000L) * 100));
        }
    }
}
