package dev.triage.bot.render;

import dev.triage.bot.backlog.BacklogRow;
import dev.triage.bot.backlog.BacklogSummary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The backlog report ({@code triage report}): one self-contained HTML file for a meeting. The headline numbers, a
 * chart of tickets per leading cause, the codes seen most, the hosts in several tickets, the tickets that share a
 * cause and a host, then every ticket, grouped by leading cause; every mention of a ticket links to its row. Nothing
 * is fetched: the style is inline and allowed by its hash, the chart is inline SVG, there is no script, and the
 * Content-Security-Policy ({@code default-src 'none'}) refuses anything else, such as markup smuggled in a ticket.
 */
public final class BacklogPage {
    static final String CSS = """
            body{font:15px/1.45 system-ui,sans-serif;color:#1f2933;margin:0;background:#f5f7fa}
            header,main{max-width:1100px;margin:0 auto;padding:0 20px}
            header{padding-top:18px}h1{font-size:28px;margin:0 0 4px}.sub{color:#52606d;margin:0 0 14px}
            .tiles{display:flex;flex-wrap:wrap;gap:12px;margin-bottom:8px}
            .tile{background:#fff;border-radius:8px;padding:10px 16px;min-width:150px;box-shadow:0 1px 2px #0002}
            .tile b{display:block;font-size:30px}.tile span{color:#52606d}
            .headline{font-size:18px;margin:12px 0}
            section{background:#fff;border-radius:8px;padding:8px 18px 14px;margin:14px 0;box-shadow:0 1px 2px #0002}
            h2{font-size:19px;margin:10px 0}table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:5px 8px;border-bottom:1px solid #e4e7eb;vertical-align:top}
            th{color:#52606d;font-weight:600}.n{text-align:right;font-variant-numeric:tabular-nums}
            tbody.cause th{background:#eef2f7;color:#1f2933;font-size:16px}
            tr:target td{background:#fff3c4}code{font-size:13px}a{color:#1d4f91}
            .others{font-size:13px;color:#52606d}.chart a:hover rect{opacity:.8}.muted{color:#7b8794}
            .links a{margin-right:6px;white-space:nowrap}
            """;
    static final String CSP = "default-src 'none'; style-src '" + hash(CSS) + "'; img-src 'none'; "
            + "base-uri 'none'; form-action 'none'";
    private static final int CODES_SHOWN = 15;

    private final BacklogChart chart = new BacklogChart();

    /**
     * @param source    the input file's name, as shown in the subtitle
     * @param generated when the report was made
     */
    public String render(BacklogSummary summary, String source, Instant generated) {
        Map<BacklogRow, String> anchors = anchors(summary.rows());
        StringBuilder h = new StringBuilder(64 * 1024 + summary.rows().size() * 400);
        h.append("<!doctype html><html lang=\"en\" data-ready=\"true\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Backlog report: ").append(number(summary.rows().size())).append(" tickets</title>")
                .append("<style>").append(CSS).append("</style></head><body>");
        BacklogHeader.render(h, summary, source, generated);
        h.append("<main>");
        h.append("<section id=\"causes\"><h2>Tickets per leading cause</h2>")
                .append(chart.render(summary.causes(), Math.max(1, summary.rows().size())));
        if (summary.causes().size() > BacklogChart.MAX_BARS) {
            h.append("<p class=\"muted\">").append(summary.causes().size() - BacklogChart.MAX_BARS)
                    .append(" smaller causes are listed with the tickets below.</p>");
        }
        h.append("</section>");
        codes(h, summary.codes());
        hosts(h, summary.hosts(), anchors);
        groups(h, summary.groups(), anchors);
        tickets(h, summary, anchors);
        skipped(h, summary);
        return h.append("</main></body></html>").toString();
    }

    private static void codes(StringBuilder h, List<BacklogSummary.CodeCount> codes) {
        h.append("<section id=\"codes\"><h2>Codes seen most</h2>");
        if (codes.isEmpty()) {
            h.append("<p class=\"muted\">No ticket names an error code.</p></section>");
            return;
        }
        h.append("<table><thead><tr><th>Code</th><th>Name</th><th class=\"n\">Tickets</th></tr></thead><tbody>");
        for (BacklogSummary.CodeCount code : codes.stream().limit(CODES_SHOWN).toList()) {
            h.append("<tr><td><code>").append(esc(code.code())).append("</code></td><td>").append(esc(code.name()))
                    .append("</td><td class=\"n\">").append(number(code.tickets())).append("</td></tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void hosts(StringBuilder h, List<BacklogSummary.HostTickets> hosts,
            Map<BacklogRow, String> anchors) {
        h.append("<section id=\"hosts\"><h2>Hosts in several tickets</h2>");
        if (hosts.isEmpty()) {
            h.append("<p class=\"muted\">No host appears in more than one ticket.</p></section>");
            return;
        }
        h.append("<table><thead><tr><th>Host</th><th class=\"n\">Tickets</th><th>Leading causes</th>")
                .append("<th>Tickets</th></tr></thead><tbody>");
        for (BacklogSummary.HostTickets host : hosts) {
            String causes = host.rows().stream().map(r -> r.leading().map(BacklogRow.Cause::title).orElse("—"))
                    .collect(Collectors.groupingBy(t -> t, java.util.TreeMap::new, Collectors.counting()))
                    .entrySet().stream().map(e -> esc(e.getKey()) + " (" + e.getValue() + ")")
                    .collect(Collectors.joining("; "));
            h.append("<tr class=\"host\"><td><code>").append(esc(host.host())).append("</code></td><td class=\"n\">")
                    .append(host.rows().size()).append("</td><td>").append(causes).append("</td><td class=\"links\">");
            links(h, host.rows(), anchors);
            h.append("</td></tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void groups(StringBuilder h, List<BacklogSummary.Group> groups, Map<BacklogRow, String> anchors) {
        h.append("<section id=\"groups\"><h2>Same cause, same host</h2>");
        if (groups.isEmpty()) {
            h.append("<p class=\"muted\">No two tickets share a leading cause and a host.</p></section>");
            return;
        }
        h.append("<table><thead><tr><th class=\"n\">Tickets</th><th>Leading cause</th><th>Host</th><th>Tickets</th>")
                .append("</tr></thead><tbody>");
        for (BacklogSummary.Group group : groups) {
            h.append("<tr class=\"group\"><td class=\"n\">").append(group.rows().size()).append("</td><td>")
                    .append(esc(group.causeTitle())).append("</td><td><code>").append(esc(group.host()))
                    .append("</code></td><td class=\"links\">");
            links(h, group.rows(), anchors);
            h.append("</td></tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void tickets(StringBuilder h, BacklogSummary summary, Map<BacklogRow, String> anchors) {
        h.append("<section id=\"tickets\"><h2>All tickets, by leading cause</h2><table><thead><tr><th>Ticket</th>")
                .append("<th>Line</th><th>Summary</th><th class=\"n\">Confidence</th><th>Other causes</th>")
                .append("<th>Codes</th><th>Host</th></tr></thead>");
        for (BacklogSummary.CauseCount cause : summary.causes()) {
            h.append("<tbody class=\"cause\" id=\"").append(causeAnchor(cause.id())).append("\"><tr><th colspan=\"7\">")
                    .append(esc(cause.title())).append(" · ").append(number(cause.rows().size()))
                    .append(cause.rows().size() == 1 ? " ticket" : " tickets").append("</th></tr>");
            cause.rows().forEach(row -> ticket(h, row, anchors.get(row)));
            h.append("</tbody>");
        }
        h.append("</table></section>");
    }

    private static void ticket(StringBuilder h, BacklogRow row, String anchor) {
        String others = row.causes().stream().skip(1).map(c -> esc(c.title()) + " " + percent(c.confidence()))
                .collect(Collectors.joining("<br>"));
        String codes = row.codes().stream().map(c -> "<code>" + esc(c.code()) + "</code>")
                .collect(Collectors.joining(" "));
        h.append("<tr class=\"ticket\" id=\"").append(anchor).append("\"><td><a href=\"#").append(anchor)
                .append("\">").append(esc(row.id())).append("</a></td><td class=\"n\">").append(row.line())
                .append("</td><td>").append(esc(row.summary()));
        row.error().ifPresent(e -> h.append("<br><span class=\"muted\">").append(esc(e)).append("</span>"));
        h.append("</td><td class=\"n\">").append(row.leading().map(c -> percent(c.confidence())).orElse(""))
                .append("</td><td class=\"others\">").append(others).append("</td><td>").append(codes)
                .append("</td><td>")
                .append(row.host().map(host -> "<code>" + esc(host) + "</code>").orElse("")).append("</td></tr>");
    }

    private static void skipped(StringBuilder h, BacklogSummary summary) {
        if (summary.skipped().isEmpty()) {
            return;
        }
        h.append("<section id=\"skipped\"><h2>Rows that could not be read</h2><table><thead><tr><th>Line</th>")
                .append("<th>Why</th></tr></thead><tbody>");
        summary.skipped().forEach(s -> h.append("<tr><td class=\"n\">").append(s.line()).append("</td><td>")
                .append(esc(s.reason())).append("</td></tr>"));
        h.append("</tbody></table></section>");
    }

    private static void links(StringBuilder h, List<BacklogRow> rows, Map<BacklogRow, String> anchors) {
        rows.forEach(r -> h.append("<a href=\"#").append(anchors.get(r)).append("\">").append(esc(r.id()))
                .append("</a> "));
    }

    /** Row anchors by position, so two rows with the same id (or line) still get their own. */
    private static Map<BacklogRow, String> anchors(List<BacklogRow> rows) {
        Map<BacklogRow, String> anchors = new IdentityHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            anchors.put(rows.get(i), "t" + (i + 1));
        }
        return anchors;
    }

    /** A cause id as an element id: cause ids are kebab-case with dots; anything else becomes a hyphen. */
    static String causeAnchor(String causeId) {
        return "cause-" + causeId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }

    static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String percent(double confidence) {
        return Math.round(confidence * 100) + " %";
    }

    private static String esc(String text) {
        return Untrusted.html(text);
    }

    private static String hash(String css) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
