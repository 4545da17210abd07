package dev.triage.bot.render;

import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;

/** The permalink page of a case ({@code GET /cases/{id}}): static HTML, every dynamic value escaped. */
public final class CasePage {
    private static final String STYLE = "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
            + "padding:0 1rem;color:#1b1b1b}pre{background:#f4f4f4;padding:.6rem;white-space:pre-wrap;"
            + "overflow-wrap:anywhere}.ev{color:#555;font-size:90%}.ok{color:#17692b}.bad{color:#a11}"
            + "code{background:#f4f4f4;padding:0 .2rem}";

    public String render(CaseView view) {
        Reply reply = view.reply();
        StringBuilder h = new StringBuilder(4096);
        h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Triage case ")
                .append(esc(view.stored().id())).append("</title><style>").append(STYLE).append("</style></head><body>");
        h.append("<h1>Case ").append(esc(view.stored().id())).append("</h1>");
        h.append("<p><a href=\"/cases/").append(esc(view.stored().id()))
                .append(".md\">Ticket summary (Markdown)</a></p>");
        h.append("<h2>What the user reported</h2>");
        view.state().texts().forEach(t -> h.append("<pre>").append(esc(t)).append("</pre>"));
        codes(h, reply);
        probes(h, reply);
        causes(h, reply);
        fixes(h, reply);
        questions(h, reply);
        return h.append("</body></html>").toString();
    }

    private static void codes(StringBuilder h, Reply reply) {
        if (reply.codes().isEmpty()) {
            return;
        }
        h.append("<h2>Codes</h2><ul>");
        for (DecodedCode c : reply.codes()) {
            h.append("<li><code>").append(esc(c.code())).append("</code> ").append(esc(c.name())).append(" ")
                    .append(esc(c.meaning())).append("</li>");
        }
        h.append("</ul>");
    }

    private static void probes(StringBuilder h, Reply reply) {
        if (reply.probes().isEmpty()) {
            return;
        }
        h.append("<h2>Probes</h2><ul>");
        for (ProbeOutcome p : reply.probes()) {
            h.append("<li class=\"").append(p.ok() ? "ok" : "bad").append("\">").append(TextView.mark(p)).append(' ')
                    .append(esc(p.name())).append(": ").append(esc(p.summary())).append(" (").append(p.elapsedMs())
                    .append(" ms)</li>");
        }
        h.append("</ul>");
    }

    private static void causes(StringBuilder h, Reply reply) {
        h.append("<h2>Likely causes</h2><ol>");
        for (Reply.Cause c : reply.causes().subList(0, Math.min(5, reply.causes().size()))) {
            h.append("<li><strong>").append(esc(c.title())).append("</strong> <code>").append(esc(c.id()))
                    .append("</code> ").append(Math.round(c.confidence() * 100)).append("%<ul class=\"ev\">");
            for (Evidence e : c.evidence()) {
                h.append("<li>").append(e.weight() < 0 ? "against: " : "").append(esc(e.text())).append("</li>");
            }
            h.append("</ul></li>");
        }
        h.append("</ol>");
    }

    private static void fixes(StringBuilder h, Reply reply) {
        if (reply.fixes().isEmpty()) {
            return;
        }
        h.append("<h2>Fixes for the leading cause</h2><ol>");
        reply.fixes().get(0).steps().forEach(s -> h.append("<li><pre>").append(esc(s)).append("</pre></li>"));
        h.append("</ol>");
    }

    private static void questions(StringBuilder h, Reply reply) {
        if (reply.questions().isEmpty()) {
            return;
        }
        h.append("<h2>Still open</h2><ul>");
        for (Question q : reply.questions()) {
            h.append("<li>").append(esc(q.text())).append("</li>");
        }
        h.append("</ul>");
    }

    private static String esc(String s) {
        return Untrusted.html(s);
    }
}
