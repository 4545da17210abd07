package dev.triage.probes.internal.ntlm;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/** The few DER pieces CredSSP's TSRequest needs (X.690 8.1): tag, definite length, contents. */
final class Der {
    private Der() {
    }

    /** One element: tag byte and contents. */
    record Element(int tag, byte[] content) {
    }

    static byte[] encode(int tag, byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = body.size();
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /**
     * The total size (header plus contents) of the element starting at {@code data[0]}, once enough header bytes are
     * there; empty while more bytes are needed; -1 for a header that is not definite-length DER.
     */
    static Optional<Integer> totalLength(byte[] data, int available) {
        if (available < 2) {
            return Optional.empty();
        }
        int first = data[1] & 0xFF;
        if (first < 0x80) {
            return Optional.of(2 + first);
        }
        int count = first & 0x7F;
        if (count == 0 || count > 3) {
            return Optional.of(-1);
        }
        if (available < 2 + count) {
            return Optional.empty();
        }
        int length = 0;
        for (int i = 0; i < count; i++) {
            length = (length << 8) | (data[2 + i] & 0xFF);
        }
        return Optional.of(2 + count + length);
    }

    /** Reads the elements inside {@code content}, in order; empty if any header overruns. */
    static Optional<java.util.List<Element>> children(byte[] content) {
        java.util.List<Element> out = new java.util.ArrayList<>();
        int at = 0;
        while (at < content.length) {
            byte[] rest = Arrays.copyOfRange(content, at, content.length);
            Optional<Integer> total = totalLength(rest, rest.length);
            if (total.isEmpty() || total.get() < 0 || total.get() > rest.length) {
                return Optional.empty();
            }
            int header = headerLength(rest);
            out.add(new Element(rest[0] & 0xFF, Arrays.copyOfRange(rest, header, total.get())));
            at += total.get();
        }
        return Optional.of(out);
    }

    private static int headerLength(byte[] element) {
        int first = element[1] & 0xFF;
        return first < 0x80 ? 2 : 2 + (first & 0x7F);
    }

    /** A non-negative INTEGER's value, capped to what fits in a long; empty for an empty or oversized one. */
    static Optional<Long> integer(byte[] content) {
        if (content.length == 0 || content.length > 8) {
            return Optional.empty();
        }
        long value = 0;
        for (byte b : content) {
            value = (value << 8) | (b & 0xFF);
        }
        return Optional.of(value);
    }
}
