package dev.triage.bot.chat.slack;

import dev.triage.bot.render.Untrusted;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text for Slack's mrkdwn. Slack reads {@code <...>} as links and mentions ({@code <!channel>} pings everyone,
 * {@code <http://evil|bank>} hides where a link goes) and {@code * _ ~ `} as formatting, so text Triage did not write
 * has its {@code & < >} escaped and its formatting characters neutralised before it is shown.
 */
final class SlackText {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,200})\\]\\((https?://[^)\\s]{1,500})\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]{1,300})\\*\\*");
    private static final Pattern FENCE_LANGUAGE = Pattern.compile("(?m)^(\\s*)```[A-Za-z0-9_+-]+\\s*$");
    private static final String MORE = "…";

    private SlackText() {
    }

    /** {@code & < >} as Slack's entities, bidi and control characters made visible; nothing else changed. */
    static String escape(String text) {
        String shown = Untrusted.visible(text);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Untrusted text in a sentence: escaped, on one line, and its formatting characters swapped for look-alikes
     * (∗ ˍ ∼ ˋ) so a paste cannot bold, strike or code-format the bot's message.
     */
    static String plain(String text) {
        return escape(Untrusted.oneLine(text)).replace('*', '∗').replace('_', 'ˍ').replace('~', '∼')
                .replace('`', 'ˋ');
    }

    /**
     * Untrusted text as an inline code span: verbatim (underscores of {@code SSL_ERR_...} kept, since code is not
     * formatted), escaped, and its backticks swapped for ˋ so it cannot close the span.
     */
    static String code(String text) {
        String body = escape(Untrusted.oneLine(text)).replace('`', 'ˋ');
        return body.isBlank() ? "" : "`" + body + "`";
    }

    /**
     * A knowledge article's Markdown (trusted, written by us) as mrkdwn: entities escaped, {@code **bold**} as
     * {@code *bold*}, {@code [text](url)} as Slack's {@code <url|text>}, fence languages dropped.
     */
    static String fromMarkdown(String markdown) {
        String escaped = escape(markdown);
        escaped = FENCE_LANGUAGE.matcher(escaped).replaceAll("$1```");
        escaped = BOLD.matcher(escaped).replaceAll("*$1*");
        Matcher link = LINK.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String label = link.group(1).replace("|", "¦");
            link.appendReplacement(out, Matcher.quoteReplacement("<" + link.group(2) + "|" + label + ">"));
        }
        link.appendTail(out);
        return out.toString();
    }

    /**
     * At most {@code max} characters of mrkdwn, cut so no entity, surrogate pair or code fence is left broken, and
     * ending in {@code suffix} when cut.
     */
    static String limit(String mrkdwn, int max, String suffix) {
        if (mrkdwn.length() <= max) {
            return mrkdwn;
        }
        int end = max - suffix.length() - MORE.length() - 5;
        int amp = mrkdwn.lastIndexOf('&', end);
        if (amp >= 0 && amp > end - 6 && mrkdwn.indexOf(';', amp) >= end) {
            end = amp;
        }
        if (Character.isHighSurrogate(mrkdwn.charAt(end - 1))) {
            end--;
        }
        String cut = mrkdwn.substring(0, end);
        boolean openFence = (cut.split("```", -1).length - 1) % 2 == 1;
        return cut + MORE + (openFence ? "\n```" : "") + suffix;
    }
}
