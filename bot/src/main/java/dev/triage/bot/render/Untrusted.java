package dev.triage.bot.render;

/** Pasted text and anything a probed server says is untrusted: neutralised before it reaches a screen or a page. */
public final class Untrusted {
    private static final int MAX_LINE = 500;

    private Untrusted() {
    }

    /** One line for a terminal: no control characters (no escape sequences that could rewrite the screen). */
    public static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LINE));
        for (int i = 0; i < text.length() && out.length() < MAX_LINE; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }

    /** Text for HTML element content or a quoted attribute. */
    public static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Text quoted in Markdown: inside a fenced block, so it cannot start headings, links or HTML. */
    public static String markdownFence(String text) {
        String body = oneLineBreaks(text).replace("```", "ˋˋˋ");
        return "```text\n" + body + "\n```";
    }

    private static String oneLineBreaks(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) && c != '\n' && c != '\t' ? ' ' : c);
        }
        return out.toString();
    }
}
