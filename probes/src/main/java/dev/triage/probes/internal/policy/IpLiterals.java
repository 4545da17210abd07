package dev.triage.probes.internal.policy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** Parses IP literals without ever touching DNS, and normalises IPv4-mapped IPv6 addresses to IPv4. */
public final class IpLiterals {
    private IpLiterals() {
    }

    /** A strict dotted-quad IPv4 or an IPv6 literal (no zone, no brackets); empty for anything else, never a lookup. */
    public static Optional<InetAddress> parse(String text) {
        if (text.contains(":")) {
            return parseV6(text);
        }
        return parseV4(text);
    }

    private static Optional<InetAddress> parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(byAddress(bytes));
    }

    private static Optional<InetAddress> parseV6(String text) {
        // Only hex digits, colons and dots: with a colon present the JDK treats it as a literal and never resolves it.
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return Optional.empty();
        }
        try {
            return Optional.of(normalise(InetAddress.getByName(text)));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** IPv4-mapped ({@code ::ffff:a.b.c.d}) and IPv4-compatible ({@code ::a.b.c.d}) forms become plain IPv4. */
    public static InetAddress normalise(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        boolean mapped = b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
        if (!mapped && !compatible) {
            return address;
        }
        return byAddress(new byte[] {b[12], b[13], b[14], b[15]});
    }

    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address length " + bytes.length, e);
        }
    }

    /** The address as text, IPv6 compressed the usual way is not attempted: the JDK form is stable and unambiguous. */
    public static String text(InetAddress address) {
        return address instanceof Inet4Address ? address.getHostAddress() : compress(address.getHostAddress());
    }

    private static String compress(String full) {
        // The JDK prints 0:0:0:0:0:0:0:1; users type ::1. Replace the longest run of zero groups once.
        String[] groups = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < groups.length; ) {
            if (groups[i].equals("0")) {
                int j = i;
                while (j < groups.length && groups[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            return full;
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
