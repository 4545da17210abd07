package dev.triage.bot.render;

import dev.triage.bot.conversation.ProbeOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The probe results of a case drawn as a connection ladder: one rung per step (dns → tcp → rdp → tls → certificate →
 * ntlm), each marked ✓, ✗ or – with its time and what the probe saw there, the step where the connection broke
 * highlighted. The output is a standalone, well-formed SVG element (colours are presentation attributes, not CSS), so
 * it also works copied out of the page; every probed text in it is escaped for XML.
 */
public final class LadderSvg {
    /** The order a connection goes through; a step the run does not mention is drawn as not run. */
    static final List<String> RUNGS = List.of("dns", "tcp", "rdp", "tls", "certificate", "ntlm");
    static final String NOT_RUN = "NOT_RUN";

    private static final int WIDTH = 760;
    private static final int ROW = 60;
    private static final int BOX_WIDTH = 230;
    private static final int BOX_HEIGHT = 44;
    private static final int LINE_CHARS = 74;

    /** The ladder for one probe run; empty when nothing was probed. */
    public Optional<String> render(List<ProbeOutcome> run) {
        if (run.isEmpty()) {
            return Optional.empty();
        }
        List<ProbeOutcome> rows = rows(run);
        int broken = brokenRow(rows);
        StringBuilder svg = new StringBuilder(4096);
        int height = rows.size() * ROW;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(height).append("\" font-family=\"system-ui, sans-serif\" font-size=\"13\" aria-label=\"")
                .append(Untrusted.html(label(rows, broken))).append("\">");
        for (int i = 0; i < rows.size(); i++) {
            rung(svg, rows.get(i), i, i == broken, i == rows.size() - 1);
        }
        return Optional.of(svg.append("</svg>").toString());
    }

    /** A policy step (probing denied) first, then the rungs in connection order, then anything else the run had. */
    static List<ProbeOutcome> rows(List<ProbeOutcome> run) {
        List<ProbeOutcome> rows = new ArrayList<>();
        run.stream().filter(p -> p.name().equals("policy")).forEach(rows::add);
        for (String rung : RUNGS) {
            rows.add(run.stream().filter(p -> p.name().equals(rung)).findFirst()
                    .orElse(new ProbeOutcome(rung, NOT_RUN, false, "not run", 0, java.util.Map.of())));
        }
        run.stream().filter(p -> !RUNGS.contains(p.name()) && !p.name().equals("policy")).forEach(rows::add);
        return rows;
    }

    /** The first step marked ✗: where the connection stopped. -1 when none failed. */
    static int brokenRow(List<ProbeOutcome> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (mark(rows.get(i)).equals("✗")) {
                return i;
            }
        }
        return -1;
    }

    private static String mark(ProbeOutcome p) {
        return p.status().equals(NOT_RUN) ? "–" : TextView.mark(p);
    }

    private static String label(List<ProbeOutcome> rows, int broken) {
        return broken < 0 ? "Connection ladder: no step failed"
                : "Connection ladder: broke at " + rows.get(broken).name() + " (" + rows.get(broken).status() + ")";
    }

    private static void rung(StringBuilder svg, ProbeOutcome p, int index, boolean broken, boolean last) {
        int top = index * ROW + 4;
        String mark = mark(p);
        String kind = broken ? "broken" : switch (mark) {
            case "✓" -> "ok";
            case "✗" -> "bad";
            default -> "neutral";
        };
        String stroke = switch (kind) {
            case "broken" -> "#b00020";
            case "ok" -> "#1b7a34";
            case "bad" -> "#b00020";
            default -> "#8a8a8a";
        };
        String fill = switch (kind) {
            case "broken" -> "#fde3e6";
            case "ok" -> "#e5f4e8";
            case "bad" -> "#fdf0f1";
            default -> "#f2f2f2";
        };
        svg.append("<g class=\"step ").append(kind).append("\" data-step=\"").append(Untrusted.html(p.name()))
                .append("\"><title>").append(Untrusted.html(p.name() + ": " + p.summary())).append("</title>");
        svg.append("<rect x=\"4\" y=\"").append(top).append("\" width=\"").append(BOX_WIDTH).append("\" height=\"")
                .append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"").append(fill).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(broken ? 3 : 1).append("\"/>");
        svg.append("<text x=\"14\" y=\"").append(top + 18).append("\" font-weight=\"bold\" fill=\"").append(stroke)
                .append("\">").append(mark).append(' ').append(Untrusted.html(p.name())).append("</text>");
        svg.append("<text x=\"14\" y=\"").append(top + 36).append("\" fill=\"#333\">")
                .append(Untrusted.html(statusLine(p))).append("</text>");
        summary(svg, p, top, broken);
        if (!last) {
            int x = 4 + BOX_WIDTH / 2;
            svg.append("<line x1=\"").append(x).append("\" y1=\"").append(top + BOX_HEIGHT).append("\" x2=\"")
                    .append(x).append("\" y2=\"").append(top + ROW).append("\" stroke=\"#8a8a8a\" stroke-width=\"2\"/>");
        }
        svg.append("</g>");
    }

    private static String statusLine(ProbeOutcome p) {
        if (p.status().equals(NOT_RUN)) {
            return "not run";
        }
        String status = p.status().toLowerCase(Locale.ROOT).replace('_', ' ');
        return status + " · " + p.elapsedMs() + " ms";
    }

    /** What the probe saw, in at most two lines beside the box; the full text is in the step's title. */
    private static void summary(StringBuilder svg, ProbeOutcome p, int top, boolean broken) {
        if (p.status().equals(NOT_RUN)) {
            return;
        }
        List<String> lines = wrap(Untrusted.oneLine(p.summary()));
        int x = BOX_WIDTH + 20;
        svg.append("<text x=\"").append(x).append("\" y=\"").append(top + 18).append("\" fill=\"")
                .append(broken ? "#b00020" : "#1b1b1b").append('"').append(broken ? " font-weight=\"bold\"" : "")
                .append('>');
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<tspan x=\"").append(x).append("\" dy=\"").append(i == 0 ? 0 : 18).append("\">")
                    .append(Untrusted.html(lines.get(i))).append("</tspan>");
        }
        svg.append("</text>");
    }

    /** Up to two lines of {@link #LINE_CHARS}, broken at a space where there is one; an ellipsis marks a cut. */
    static List<String> wrap(String text) {
        if (text.length() <= LINE_CHARS) {
            return List.of(text);
        }
        int cut = text.lastIndexOf(' ', LINE_CHARS);
        cut = cut < LINE_CHARS / 2 ? LINE_CHARS : cut;
        String first = text.substring(0, cut).stripTrailing();
        String rest = text.substring(cut).strip();
        String second = rest.length() <= LINE_CHARS ? rest : rest.substring(0, LINE_CHARS - 1) + "…";
        return List.of(first, second);
    }
}
