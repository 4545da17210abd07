package dev.triage.bot.tickets;

import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.render.Untrusted;
import dev.triage.knowledge.DecodedCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a ticket says about a case, taken from the case once so every target tells the same story.
 *
 * @param caseId   the case
 * @param caseUrl  its permalink
 * @param texts    what the user pasted or typed: untrusted, only ever sent as code or plain text
 * @param codes    the decoded error codes
 * @param causes   the ranked causes
 * @param fixes    the leading cause's fix steps, in order (Markdown from the bundled articles)
 * @param host     the host being diagnosed, when known (untrusted)
 * @param caseJson the case as {@code GET /cases/{id}.json} gives it, for the webhook
 */
public record TicketContent(String caseId, String caseUrl, List<String> texts, List<String> codes,
        List<Reply.Cause> causes, List<String> fixes, Optional<String> host, String caseJson) {
    private static final int SUMMARY_CHARS = 255;

    public TicketContent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(caseUrl, "caseUrl");
        texts = List.copyOf(texts);
        codes = List.copyOf(codes);
        causes = List.copyOf(causes);
        fixes = List.copyOf(fixes);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(caseJson, "caseJson");
    }

    static TicketContent of(CaseView view, String caseUrl, String caseJson) {
        Reply reply = view.reply();
        List<String> fixes = reply.fixes().isEmpty() ? List.of() : reply.fixes().get(0).steps();
        return new TicketContent(view.stored().id(), caseUrl, view.state().texts(),
                reply.codes().stream().map(DecodedCode::code).toList(), reply.causes(), fixes, view.state().host(),
                caseJson);
    }

    /** One line: the leading cause's title and the codes, at most {@code max} characters (Jira allows 255). */
    String summary(int max) {
        String title = causes.isEmpty() ? "cause not determined yet" : causes.get(0).title();
        String line = "Remote Desktop: " + title + (codes.isEmpty() ? "" : " (" + String.join(", ", codes) + ")");
        String flat = Untrusted.oneLine(line);
        int limit = Math.min(max, SUMMARY_CHARS);
        if (flat.length() <= limit) {
            return flat;
        }
        int end = Character.isHighSurrogate(flat.charAt(limit - 2)) ? limit - 2 : limit - 1;
        return flat.substring(0, end) + "…";
    }

    /** A cause as one line: title, id and confidence. */
    static String causeLine(Reply.Cause cause) {
        return cause.title() + " (" + cause.id() + ") – " + Math.round(cause.confidence() * 100) + "% confidence";
    }
}
