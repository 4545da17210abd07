package dev.triage.probes.internal.tls;

import java.util.Arrays;

/**
 * A bounds-checked big-endian reader over a byte array. Reading past the end throws {@link Overrun}, which parsers
 * catch and turn into a result value.
 */
final class Cursor {
    private final byte[] data;
    private final int end;
    private int position;

    Cursor(byte[] data, int from, int to) {
        if (from < 0 || to > data.length || from > to) {
            throw new Overrun();
        }
        this.data = data;
        this.position = from;
        this.end = to;
    }

    Cursor(byte[] data) {
        this(data, 0, data.length);
    }

    int remaining() {
        return end - position;
    }

    int position() {
        return position;
    }

    int u8() {
        need(1);
        return data[position++] & 0xFF;
    }

    int u16() {
        return (u8() << 8) | u8();
    }

    int u24() {
        return (u8() << 16) | u16();
    }

    byte[] bytes(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(data, position, position + n);
        position += n;
        return out;
    }

    void skip(int n) {
        need(n);
        position += n;
    }

    /** A cursor over the next {@code n} bytes; this cursor moves past them. */
    Cursor slice(int n) {
        need(n);
        Cursor slice = new Cursor(data, position, position + n);
        position += n;
        return slice;
    }

    private void need(int n) {
        if (n < 0 || n > end - position) {
            throw new Overrun();
        }
    }

    /** Thrown when a length field points past the available bytes. */
    static final class Overrun extends RuntimeException {
        Overrun() {
            super(null, null, false, false);
        }
    }
}
