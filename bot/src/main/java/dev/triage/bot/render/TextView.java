package dev.triage.bot.render;

import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The terminal rendering of a reply: what a helpdesk person reads first, in the order they need it. */
public final class TextView {
    private static final int CAUSES_SHOWN = 6;
    private static final int EVIDENCE_SHOWN = 3;
    private static final java.util.Set<String> NEUTRAL = java.util.Set.of("SKIPPED", "NOT_OFFERED");

    public String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        codes(out, reply.codes());
        notices(out, reply.notices());
        probes(out, reply.probes());
        causes(out, reply.causes());
        fixes(out, reply);
        questions(out, reply.questions());
        reply.caseId().ifPresent(id -> out.append("Case ").append(id).append('\n'));
        return out.toString();
    }

    private static void codes(StringBuilder out, List<DecodedCode> codes) {
        if (codes.isEmpty()) {
            out.append("No error codes found in the text.\n\n");
            return;
        }
        out.append("Codes\n");
        for (DecodedCode c : codes) {
            out.append("  ").append(c.shown()).append("  ").append(c.label()).append(": ");
            if (!c.name().isEmpty()) {
                out.append(c.name()).append(" - ");
            }
            out.append(c.meaning()).append('\n');
        }
        out.append('\n');
    }

    private static void notices(StringBuilder out, List<String> notices) {
        if (notices.isEmpty()) {
            return;
        }
        out.append("Note\n");
        notices.forEach(n -> out.append("  ! ").append(Untrusted.oneLine(n)).append('\n'));
        out.append('\n');
    }

    private static void probes(StringBuilder out, List<ProbeOutcome> probes) {
        if (probes.isEmpty()) {
            return;
        }
        out.append("Probes\n");
        for (ProbeOutcome p : probes) {
            out.append(String.format(Locale.ROOT, "  %s %-11s %-18s %5d ms  %s%n", mark(p), p.name(),
                    p.status(), p.elapsedMs(), Untrusted.oneLine(p.summary())));
        }
        out.append('\n');
    }

    /**
     * ✓ healthy, ✗ a problem, – neither: not run (an earlier step made it pointless) or not offered (no NLA, so no
     * NTLM exchange), as the probes' own {@code Outcome.isNeutral} says.
     */
    static String mark(ProbeOutcome p) {
        return NEUTRAL.contains(p.status()) ? "–" : p.ok() ? "✓" : "✗";
    }

    private static void causes(StringBuilder out, List<Reply.Cause> causes) {
        if (causes.isEmpty()) {
            out.append("No likely cause yet: tell me more (which client, the exact message, what changed).\n\n");
            return;
        }
        out.append("Likely causes\n");
        int shown = Math.min(CAUSES_SHOWN, causes.size());
        for (int i = 0; i < shown; i++) {
            Reply.Cause c = causes.get(i);
            out.append(String.format(Locale.ROOT, "  %d. %s  [%s]  %d%%%n", i + 1, c.title(), c.id(),
                    Math.round(c.confidence() * 100)));
            for (Evidence e : c.readableEvidence().stream().limit(EVIDENCE_SHOWN).toList()) {
                out.append("       ").append(e.weight() < 0 ? "- against: " : "- ").append(Untrusted.oneLine(e.text()))
                        .append('\n');
            }
        }
        if (causes.size() > shown) {
            out.append("  (").append(causes.size() - shown).append(" less likely: ")
                    .append(causes.subList(shown, causes.size()).stream().map(Reply.Cause::id)
                            .collect(Collectors.joining(", ")))
                    .append(")\n");
        }
        out.append('\n');
    }

    private static void fixes(StringBuilder out, Reply reply) {
        if (reply.fixes().isEmpty()) {
            return;
        }
        Reply.Fix leading = reply.fixes().get(0);
        String title = reply.causes().stream().filter(c -> c.id().equals(leading.cause())).findFirst()
                .map(Reply.Cause::title).orElse(leading.cause());
        out.append("Fixes for the leading cause: ").append(title).append('\n');
        for (int i = 0; i < leading.steps().size(); i++) {
            out.append(String.format(Locale.ROOT, "  %d. ", i + 1))
                    .append(leading.steps().get(i).replace("\n", "\n     ")).append('\n');
        }
        out.append('\n');
    }

    private static void questions(StringBuilder out, List<Question> questions) {
        if (questions.isEmpty()) {
            return;
        }
        Question next = questions.get(0);
        out.append("Next question: ").append(next.text()).append('\n');
        if (next.freeText()) {
            out.append("  answer with --answer ").append(next.id()).append("=VALUE\n");
        } else {
            for (Question.Option o : next.options()) {
                out.append("  --answer ").append(next.id()).append('=').append(o.value()).append("   ")
                        .append(o.label()).append('\n');
            }
        }
        if (questions.size() > 1) {
            out.append("Also useful: ").append(questions.subList(1, questions.size()).stream().map(Question::id)
                    .collect(Collectors.joining(", "))).append('\n');
        }
        out.append('\n');
    }
}
