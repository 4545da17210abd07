package dev.triage.bot.eval;

import dev.triage.bot.conversation.Reply;
import dev.triage.rules.Evidence;
import dev.triage.rules.ScoredReason;
import java.util.List;

/**
 * One ranked cause as an evaluation sees it.
 *
 * @param score        the summed weight of the cause's evidence, which the confidence is computed from
 * @param confidence   what Triage told the user, 0..1
 * @param articlesOnly true when only knowledge-article matches speak for the cause
 */
public record Ranked(String id, int score, double confidence, boolean articlesOnly) {

    /** A cause that something the case states speaks for. */
    public Ranked(String id, int score, double confidence) {
        this(id, score, confidence, false);
    }

    /** The causes of a reply, best first. */
    public static List<Ranked> of(Reply reply) {
        return reply.causes().stream()
                .map(c -> new Ranked(c.id(), c.evidence().stream().mapToInt(Evidence::weight).sum(), c.confidence(),
                        ScoredReason.onArticlesOnly(c.evidence())))
                .toList();
    }

    /** The same cause stated with another confidence. */
    Ranked restated(double newConfidence) {
        return new Ranked(id, score, newConfidence, articlesOnly);
    }
}
