package dev.triage.bot.render;

/**
 * Pasted text and anything a probed server says is untrusted: neutralised before it reaches a screen or a page.
 *
 * <p>Every method first makes invisible tricks visible: bidirectional overrides and isolates (which can make
 * {@code evil.exe} read as {@code exe.live}, "Trojan Source") become a marker such as {@code ⟨U+202E⟩}, and control
 * characters other than line feed and tab become their Unicode control pictures ({@code ␀}, {@code ␛}), so a reader
 * sees that something odd was pasted instead of being fooled by it.
 */
public final class Untrusted {
    private static final int MAX_LINE = 500;

    private Untrusted() {
    }

    /** The text with line breaks normalised to {@code \n} and every bidi or control character made visible. */
    public static String visible(String text) {
        String lines = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(lines.length());
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (c < 0x20) {
                out.append((char) (0x2400 + c));
            } else if (c == 0x7F) {
                out.append('␡');
            } else if (isBidiControl(c) || (c >= 0x80 && c <= 0x9F)) {
                out.append(String.format(java.util.Locale.ROOT, "⟨U+%04X⟩", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One line for a terminal or a Markdown line: visible as above, line breaks and tabs as spaces, bounded. */
    public static String oneLine(String text) {
        String flat = visible(text).replace('\n', ' ').replace('\t', ' ');
        if (flat.length() <= MAX_LINE) {
            return flat;
        }
        // Never cut a surrogate pair in half: a lone surrogate is not valid UTF-8 on the way out.
        int end = Character.isHighSurrogate(flat.charAt(MAX_LINE - 1)) ? MAX_LINE - 1 : MAX_LINE;
        return flat.substring(0, end);
    }

    /** Text for HTML (or XML, such as inline SVG) element content or a quoted attribute. */
    public static String html(String text) {
        String shown = visible(text);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text quoted in Markdown as a fenced block. The fence is one backtick longer than the longest run of backticks
     * in the text, so no line of the text can close it; the text is kept verbatim otherwise.
     */
    public static String markdownFence(String text) {
        String body = visible(text);
        String fence = "`".repeat(Math.max(3, longestBacktickRun(body) + 1));
        return fence + "text\n" + body + "\n" + fence;
    }

    /**
     * Text quoted in a Markdown line as a code span, its backticks chosen like {@link #markdownFence}'s. Padded with
     * spaces when it starts or ends with a backtick or a space, which CommonMark strips again.
     */
    public static String markdownCode(String text) {
        String body = oneLine(text);
        String ticks = "`".repeat(longestBacktickRun(body) + 1);
        boolean pad = body.isEmpty() || body.startsWith("`") || body.endsWith("`") || body.startsWith(" ")
                || body.endsWith(" ");
        return pad ? ticks + " " + body + " " + ticks : ticks + body + ticks;
    }

    static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069: the characters that reorder what a reader sees. */
    private static boolean isBidiControl(char c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
