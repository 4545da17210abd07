package dev.triage.bot.chat.teams;

import dev.triage.bot.render.Untrusted;
import java.nio.charset.StandardCharsets;

/**
 * Text for Teams. A message's {@code text} is Teams Markdown, which also renders some HTML ({@code <at>} mentions,
 * {@code <a>} links) and reads {@code * _ ~ `} as formatting and {@code [text](url)} as a link that can hide where
 * it goes; an Adaptive Card's TextBlock reads the same Markdown but no HTML. Text Triage did not write (pastes, what a
 * probed server says, a user's name) has its formatting characters swapped for look-alikes, and in a message also
 * its {@code & < >} escaped, before it is shown.
 */
final class TeamsText {
    private static final String MORE = "…";

    private TeamsText() {
    }

    /** Untrusted text in a message sentence: one line, HTML neutralised, formatting characters as look-alikes. */
    static String plain(String text) {
        return entities(lookAlikes(Untrusted.oneLine(text)));
    }

    /** Untrusted text in an Adaptive Card TextBlock: one line, formatting characters as look-alikes. */
    static String card(String text) {
        return lookAlikes(Untrusted.oneLine(text));
    }

    /** Untrusted text as an inline code span in a message: verbatim but for its backticks and HTML. */
    static String code(String text) {
        String body = entities(Untrusted.oneLine(text).replace('`', 'ˋ'));
        return body.isBlank() ? "" : "`" + body + "`";
    }

    /** A knowledge article's Markdown (written by us) in a message: only HTML is escaped. */
    static String fromMarkdown(String markdown) {
        return entities(Untrusted.visible(markdown));
    }

    /**
     * At most {@code maxBytes} of UTF-8, cut at a line or character boundary that splits no entity or surrogate
     * pair, and ending in {@code suffix} when cut.
     */
    static String limitBytes(String text, int maxBytes, String suffix) {
        if (utf8(text) <= maxBytes) {
            return text;
        }
        int budget = maxBytes - utf8(suffix) - utf8(MORE);
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            int size = utf8(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            used += size;
            end += Character.charCount(cp);
        }
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && text.indexOf(';', amp) >= end) {
            end = amp;
        }
        return text.substring(0, end) + MORE + suffix;
    }

    static int utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String lookAlikes(String text) {
        return text.replace('*', '∗').replace('_', 'ˍ').replace('~', '∼').replace('`', 'ˋ').replace('[', '［')
                .replace(']', '］').replace('\\', '⧵').replace('#', '＃');
    }

    private static String entities(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
