package dev.triage.bot.conversation;

import dev.triage.bot.store.CaseSummary;
import dev.triage.knowledge.DecodedCode;

/** The summary the case list shows and searches, taken from a case's state and the reply it gives now. */
final class CaseDigest {
    private CaseDigest() {
    }

    static CaseSummary of(CaseState state, Reply reply) {
        var top = reply.causes().stream().findFirst();
        // Only the start is kept; joining more than that would only be cut again.
        StringBuilder text = new StringBuilder();
        for (String t : state.texts()) {
            if (text.length() >= CaseSummary.TEXT_CHARS) {
                break;
            }
            text.append(text.isEmpty() ? "" : "\n").append(t);
        }
        return new CaseSummary(top.map(Reply.Cause::id), top.map(Reply.Cause::title),
                reply.codes().stream().map(DecodedCode::code).toList(), state.host(), text.toString());
    }
}
