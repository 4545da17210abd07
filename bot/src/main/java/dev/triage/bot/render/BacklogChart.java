package dev.triage.bot.render;

import dev.triage.bot.backlog.BacklogSummary;
import java.util.List;
import java.util.Locale;

/**
 * The backlog report's chart: one horizontal bar per leading cause, longest first, each bar a link to that cause's
 * tickets. Standalone SVG with presentation attributes only (no CSS, no script), so a strict Content-Security-Policy
 * allows it; every label is escaped.
 */
final class BacklogChart {
    static final int MAX_BARS = 12;
    private static final int ROW = 30;
    private static final int LABEL = 360;
    private static final int BAR = 380;
    private static final int WIDTH = LABEL + BAR + 110;
    private static final int LABEL_CHARS = 44;

    String render(List<BacklogSummary.CauseCount> causes, int total) {
        List<BacklogSummary.CauseCount> shown = causes.stream().limit(MAX_BARS).toList();
        int largest = shown.isEmpty() ? 1 : shown.get(0).rows().size();
        int height = Math.max(1, shown.size()) * ROW + 6;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" font-family=\"system-ui, sans-serif\" font-size=\"14\" aria-label=\"")
                .append("Tickets per leading cause\">");
        for (int i = 0; i < shown.size(); i++) {
            bar(svg, shown.get(i), i, largest, total);
        }
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, BacklogSummary.CauseCount cause, int index, int largest, int total) {
        int y = index * ROW + 3;
        int count = cause.rows().size();
        int width = Math.max(2, (int) Math.round((double) BAR * count / largest));
        String fill = cause.id().equals(BacklogSummary.UNDETERMINED) ? "#9aa5b1" : index == 0 ? "#b4432f" : "#2f6db4";
        svg.append("<a href=\"#").append(BacklogPage.causeAnchor(cause.id())).append("\" class=\"bar\" data-cause=\"")
                .append(Untrusted.html(cause.id())).append("\"><title>").append(Untrusted.html(cause.title()))
                .append(": ").append(count).append("</title>");
        svg.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 19)
                .append("\" text-anchor=\"end\" fill=\"#1f2933\">").append(Untrusted.html(shorten(cause.title())))
                .append("</text>");
        svg.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(width)
                .append("\" height=\"").append(ROW - 8).append("\" rx=\"3\" fill=\"").append(fill).append("\"/>");
        svg.append("<text x=\"").append(LABEL + width + 8).append("\" y=\"").append(y + 19)
                .append("\" fill=\"#1f2933\" font-weight=\"600\">")
                .append(String.format(Locale.ROOT, "%,d (%d%%)", count, Math.round(100.0 * count / total)))
                .append("</text></a>");
    }

    private static String shorten(String title) {
        return title.length() <= LABEL_CHARS ? title : title.substring(0, LABEL_CHARS - 1) + "…";
    }
}
