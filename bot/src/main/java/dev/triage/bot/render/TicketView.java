package dev.triage.bot.render;

import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The ticket-ready Markdown summary of a case ({@code GET /cases/{id}.md}). */
public final class TicketView {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private final String baseUrl;

    public TicketView(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String render(CaseView view) {
        Reply reply = view.reply();
        StringBuilder md = new StringBuilder();
        String id = view.stored().id();
        String headline = reply.causes().isEmpty() ? "cause not determined yet" : reply.causes().get(0).title();
        md.append("# Triage case ").append(id).append(": ").append(inline(headline)).append("\n\n");
        md.append("Opened ").append(WHEN.format(view.stored().createdAt())).append(" via ")
                .append(inline(view.stored().origin())).append(". Permalink: ").append(baseUrl).append("/cases/")
                .append(id).append("\n\n");
        md.append("## What the user reported\n\n");
        view.state().texts().forEach(t -> md.append(Untrusted.markdownFence(t)).append("\n\n"));
        codes(md, reply);
        answers(md, view.state().answers());
        view.state().host().ifPresent(h -> md.append("Host: ").append(Untrusted.markdownCode(h)).append("\n\n"));
        probes(md, reply);
        causes(md, reply);
        fixes(md, reply);
        questions(md, reply);
        return md.toString();
    }

    private static void codes(StringBuilder md, Reply reply) {
        if (reply.codes().isEmpty()) {
            return;
        }
        md.append("## Codes\n\n");
        for (DecodedCode c : reply.codes()) {
            md.append("- ").append(Untrusted.markdownCode(c.code())).append(' ').append(c.name().isEmpty() ? "" : c.name() + ": ")
                    .append(inline(c.meaning())).append('\n');
        }
        md.append('\n');
    }

    private static void answers(StringBuilder md, Map<String, String> answers) {
        if (answers.isEmpty()) {
            return;
        }
        md.append("## Answers\n\n");
        answers.forEach((q, v) -> md.append("- ").append(q).append(": ").append(inline(v)).append('\n'));
        md.append('\n');
    }

    private static void probes(StringBuilder md, Reply reply) {
        if (reply.probes().isEmpty()) {
            return;
        }
        md.append("## Probes\n\n| step | result | ms | summary |\n|---|---|---|---|\n");
        for (ProbeOutcome p : reply.probes()) {
            md.append("| ").append(p.name()).append(" | ").append(TextView.mark(p)).append(' ').append(p.status())
                    .append(" | ").append(p.elapsedMs()).append(" | ").append(inline(p.summary()).replace("|", "\\|"))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void causes(StringBuilder md, Reply reply) {
        md.append("## Likely causes\n\n");
        if (reply.causes().isEmpty()) {
            md.append("None determined yet.\n\n");
            return;
        }
        int n = 1;
        for (Reply.Cause c : reply.causes().subList(0, Math.min(5, reply.causes().size()))) {
            md.append(n++).append(". **").append(inline(c.title())).append("** (`").append(c.id()).append("`, ")
                    .append(Math.round(c.confidence() * 100)).append("%)\n");
            for (Evidence e : c.readableEvidence()) {
                md.append("   - ").append(e.weight() < 0 ? "against: " : "").append(inline(e.text())).append('\n');
            }
        }
        md.append('\n');
    }

    private static void fixes(StringBuilder md, Reply reply) {
        if (reply.fixes().isEmpty()) {
            return;
        }
        Reply.Fix leading = reply.fixes().get(0);
        md.append("## Fixes for `").append(leading.cause()).append("`, in order\n\n");
        int n = 1;
        for (String step : leading.steps()) {
            md.append(n++).append(". ").append(step.replace("\n", "\n   ")).append('\n');
        }
        md.append('\n');
    }

    private static void questions(StringBuilder md, Reply reply) {
        if (reply.questions().isEmpty()) {
            return;
        }
        md.append("## Still open\n\n");
        for (Question q : reply.questions()) {
            md.append("- ").append(q.text()).append('\n');
        }
        md.append('\n');
    }

    /** Untrusted text inside a Markdown line: no HTML, links, emphasis or line breaks. */
    private static String inline(String text) {
        return Untrusted.oneLine(text).replaceAll("([\\\\`*_\\[\\]<>#|!])", "\\\\$1");
    }
}
