package dev.triage.bot.chat.discord;

import dev.triage.bot.render.Untrusted;

/**
 * Text for Discord's Markdown. Discord reads {@code * _ ~ ` | > #} and list markers as formatting, {@code [x](url)} as
 * a masked link, {@code <@id>}, {@code <#id>}, {@code @everyone} as mentions and {@code :name:} as emoji, and takes a
 * backslash before any punctuation as "show this literally". So text Triage did not write gets a backslash before
 * each such character; mentions are also switched off on every message ({@code allowed_mentions}), so even a missed
 * one cannot ping anybody.
 */
final class DiscordText {
    private static final String SPECIAL = "\\*_~`|>#-+[]()<:@.";
    private static final String MORE = "…";

    private DiscordText() {
    }

    /** Untrusted text, shown literally: bidi and control characters made visible, Markdown characters escaped. */
    static String escape(String text) {
        String shown = Untrusted.visible(text);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Untrusted text in a sentence: escaped and on one line. */
    static String plain(String text) {
        return escape(Untrusted.oneLine(text));
    }

    /**
     * Untrusted text as an inline code span: verbatim (a backslash would show inside code), its backticks swapped for
     * ˋ so it cannot close the span.
     */
    static String code(String text) {
        String body = Untrusted.oneLine(text).replace('`', 'ˋ');
        return body.isBlank() ? "" : "`" + body + "`";
    }

    /**
     * At most {@code max} characters, cut so that no escape, surrogate pair or code span is left broken, and ending in
     * {@code suffix} when cut.
     */
    static String limit(String text, int max, String suffix) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - suffix.length() - MORE.length() - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int backslashes = 0;
        while (end - backslashes > 0 && text.charAt(end - backslashes - 1) == '\\') {
            backslashes++;
        }
        end -= backslashes % 2;
        String cut = text.substring(0, end);
        boolean openCode = unescapedBackticks(cut) % 2 == 1;
        return cut + (openCode ? "`" : "") + MORE + suffix;
    }

    private static int unescapedBackticks(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '`' && (i == 0 || text.charAt(i - 1) != '\\')) {
                count++;
            }
        }
        return count;
    }
}
