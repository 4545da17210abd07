package dev.triage.bot.render;

import dev.triage.bot.store.CaseListing;
import dev.triage.bot.store.CaseSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The case list ({@code GET /cases}): recent cases newest first with a search box (a plain GET form, no script),
 * under the same stylesheet and policy as the case page. Every stored value is escaped.
 */
public final class CaseListPage {
    private static final int TEXT_SHOWN = 140;

    /**
     * @param rows  this page's cases
     * @param query the search as typed, blank for none
     * @param page  1-based page number
     * @param more  whether another page follows
     */
    public String render(List<CaseListing> rows, String query, int page, boolean more) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Triage cases").append(query.isBlank() ? "" : ": " + esc(query)).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/assets/case.css\"></head><body class=\"cases\">");
        h.append("<header><h1>Cases</h1></header><main>");
        h.append("<form class=\"search\" method=\"get\" action=\"/cases\" role=\"search\">")
                .append("<input type=\"search\" name=\"q\" value=\"").append(esc(query))
                .append("\" placeholder=\"0x904, cert.expired, rdp01, certificate expired\" aria-label=\"Search cases\">")
                .append("<button type=\"submit\">Search</button></form>");
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">").append(query.isBlank() ? "No cases yet." : "No case matches.")
                    .append("</p>");
        } else {
            table(h, rows);
        }
        pager(h, query, page, more);
        return h.append("</main></body></html>").toString();
    }

    private static void table(StringBuilder h, List<CaseListing> rows) {
        h.append("<table class=\"cases\"><thead><tr><th>Opened</th><th>Case</th><th>Leading cause</th><th>Codes</th>")
                .append("<th>Host</th><th>Text</th></tr></thead><tbody>");
        for (CaseListing row : rows) {
            String id = esc(row.caseId());
            h.append("<tr><td><time datetime=\"").append(row.createdAt()).append("\">")
                    .append(CasePage.WHEN.format(row.createdAt())).append("</time></td><td><a href=\"/cases/")
                    .append(id).append("\">").append(id).append("</a></td>");
            CaseSummary s = row.summary().orElse(null);
            if (s == null) {
                h.append("<td colspan=\"4\">(not summarised)</td></tr>");
                continue;
            }
            h.append("<td>").append(s.causeTitle().map(CaseListPage::esc).orElse("not determined"));
            s.causeId().ifPresent(c -> h.append(" <code>").append(esc(c)).append("</code>"));
            h.append("</td><td>");
            s.codes().forEach(c -> h.append("<code>").append(esc(c)).append("</code> "));
            h.append("</td><td>").append(s.host().map(host -> "<code>" + esc(host) + "</code>").orElse(""))
                    .append("</td><td class=\"text\">").append(esc(excerpt(s.text()))).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static String excerpt(String text) {
        String line = Untrusted.oneLine(text);
        return line.length() <= TEXT_SHOWN ? line : line.substring(0, TEXT_SHOWN) + "…";
    }

    private static void pager(StringBuilder h, String query, int page, boolean more) {
        if (page <= 1 && !more) {
            return;
        }
        h.append("<nav class=\"pager\"><span>");
        if (page > 1) {
            h.append("<a rel=\"prev\" href=\"").append(esc(link(query, page - 1))).append("\">← Newer</a>");
        }
        h.append("</span><span>Page ").append(page).append("</span><span>");
        if (more) {
            h.append("<a rel=\"next\" href=\"").append(esc(link(query, page + 1))).append("\">Older →</a>");
        }
        h.append("</span></nav>");
    }

    static String link(String query, int page) {
        String q = query.isBlank() ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&";
        return "/cases?" + q + "page=" + page;
    }

    private static String esc(String s) {
        return Untrusted.html(s);
    }
}
