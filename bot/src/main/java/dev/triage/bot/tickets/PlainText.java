package dev.triage.bot.tickets;

import dev.triage.bot.render.Untrusted;

/**
 * A case as plain text, for ServiceNow's description and work notes. The paste is indented and framed so a reader
 * sees where it starts and ends; control and bidirectional characters are made visible.
 */
final class PlainText {
    private PlainText() {
    }

    static String render(TicketContent content, String intro) {
        StringBuilder out = new StringBuilder();
        out.append(intro).append(' ').append(content.caseUrl()).append("\n\n");
        out.append("What the user reported:\n");
        for (String paste : content.texts()) {
            out.append("----\n");
            Untrusted.visible(paste).lines().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        out.append("----\n\n");
        if (!content.codes().isEmpty()) {
            out.append("Codes: ").append(String.join(", ", content.codes())).append('\n');
        }
        content.host().ifPresent(host -> out.append("Host: ").append(Untrusted.oneLine(host)).append('\n'));
        out.append("\nLikely causes:\n");
        if (content.causes().isEmpty()) {
            out.append("None determined yet.\n");
        }
        int n = 1;
        for (var cause : content.causes().subList(0, Math.min(5, content.causes().size()))) {
            out.append(n++).append(". ").append(TicketContent.causeLine(cause)).append('\n');
        }
        if (!content.fixes().isEmpty()) {
            out.append("\nFixes, in order:\n");
            n = 1;
            for (String step : content.fixes()) {
                out.append(n++).append(". ").append(step.replace("\n", "\n   ")).append('\n');
            }
        }
        return out.toString();
    }
}
