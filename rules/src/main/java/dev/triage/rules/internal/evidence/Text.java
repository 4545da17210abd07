package dev.triage.rules.internal.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small string helpers shared by the parsers: no regular expressions, so every step is linear in its input. */
final class Text {
    private static final int MAX_EXCERPT = 80;
    private static final int MAX_NAME = 253;

    private Text() {}

    /** The lines of the first {@code limit} chars, without line terminators. */
    static List<String> lines(String text, int limit) {
        List<String> lines = new ArrayList<>();
        int end = Math.min(limit, text.length());
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                lines.add(trimCr(text.substring(start, i)));
                start = i + 1;
            }
        }
        if (start < end) {
            lines.add(trimCr(text.substring(start, end)));
        }
        return lines;
    }

    private static String trimCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The value of a "Key : value" line whose key equals {@code key} (case-insensitive), or null. */
    static String field(String line, String key) {
        String s = line.strip();
        if (s.length() <= key.length() || !s.regionMatches(true, 0, key, 0, key.length())) {
            return null;
        }
        String rest = s.substring(key.length()).stripLeading();
        return rest.startsWith(":") ? rest.substring(1).strip() : null;
    }

    /** The first whitespace-delimited token of {@code s}, without trailing punctuation, capped in length. */
    static String token(String s) {
        String t = s.strip();
        int space = indexOfSpace(t);
        if (space >= 0) {
            t = t.substring(0, space);
        }
        while (!t.isEmpty() && ".,;:'\"".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() > MAX_NAME ? t.substring(0, MAX_NAME) : t;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The text between {@code open} and the next {@code close} after {@code from}, or null. */
    static String between(String s, int from, char open, char close) {
        int a = s.indexOf(open, from);
        int b = a < 0 ? -1 : s.indexOf(close, a + 1);
        return b < 0 ? null : s.substring(a + 1, b).strip();
    }

    /** A non-negative int parsed from the leading digits of {@code s}, or -1. */
    static int leadingInt(String s) {
        String t = s.strip();
        long v = 0;
        int i = 0;
        while (i < t.length() && i < 9 && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            v = v * 10 + (t.charAt(i) - '0');
            i++;
        }
        return i == 0 ? -1 : (int) v;
    }

    /** True for a dotted IPv4 address or something shaped like an IPv6 address. */
    static boolean isAddress(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        if (s.indexOf(':') >= 0) {
            for (char c : s.toCharArray()) {
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.' && c != '%') {
                    return false;
                }
            }
            return true;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            int v = p.length() > 3 ? -1 : leadingInt(p);
            if (v < 0 || v > 255 || String.valueOf(v).length() != p.length()) {
                return false;
            }
        }
        return true;
    }

    static String excerpt(String line) {
        String s = line.strip();
        return s.length() > MAX_EXCERPT ? s.substring(0, MAX_EXCERPT) + "..." : s;
    }

    static String target(String host) {
        return host.isEmpty() ? "the host" : host;
    }
}
