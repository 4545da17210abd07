package dev.triage.bot.render;

import dev.triage.bot.backlog.BacklogSummary;
import java.time.Instant;

/** The report's first screen: what it covers, the headline numbers, and the one sentence a meeting starts from. */
final class BacklogHeader {
    private BacklogHeader() {
    }

    static void render(StringBuilder h, BacklogSummary summary, String source, Instant generated) {
        int total = summary.rows().size();
        h.append("<header><h1>Backlog: ").append(BacklogPage.number(total)).append(total == 1 ? " ticket" : " tickets")
                .append("</h1><p class=\"sub\">from <code>").append(Untrusted.html(source)).append("</code> · ")
                .append(CasePage.WHEN.format(generated)).append("</p><div class=\"tiles\">");
        tile(h, "diagnosed", summary.diagnosed(), "with a leading cause");
        tile(h, "failed", summary.failed(), "could not be diagnosed");
        tile(h, "skipped", summary.skipped().size(), "rows could not be read");
        tile(h, "causes", summary.causes().size(), "different leading causes");
        tile(h, "hosts", summary.hosts().size(), "hosts in several tickets");
        h.append("</div>");
        headline(h, summary, total);
        h.append("</header>");
    }

    private static void tile(StringBuilder h, String name, long value, String label) {
        h.append("<div class=\"tile\" data-tile=\"").append(name).append("\"><b>").append(BacklogPage.number(value))
                .append("</b><span>").append(label).append("</span></div>");
    }

    private static void headline(StringBuilder h, BacklogSummary summary, int total) {
        StringBuilder line = new StringBuilder();
        summary.causes().stream().filter(c -> !c.id().equals(BacklogSummary.UNDETERMINED)).findFirst()
                .ifPresent(top -> line.append("Most tickets: <a href=\"#").append(BacklogPage.causeAnchor(top.id()))
                        .append("\"><b>").append(Untrusted.html(top.title())).append("</b></a>, ")
                        .append(BacklogPage.number(top.rows().size())).append(" of ")
                        .append(BacklogPage.number(total)).append(" (")
                        .append(Math.round(100.0 * top.rows().size() / Math.max(1, total))).append(" %). "));
        summary.hosts().stream().findFirst().ifPresent(host -> line.append("Busiest host: <code>")
                .append(Untrusted.html(host.host())).append("</code>, in ").append(host.rows().size())
                .append(" tickets."));
        if (line.length() > 0) {
            h.append("<p class=\"headline\">").append(line).append("</p>");
        }
    }
}
