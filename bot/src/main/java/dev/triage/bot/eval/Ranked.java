package dev.triage.bot.eval;

import dev.triage.bot.conversation.Reply;
import dev.triage.rules.Evidence;
import java.util.List;

/**
 * One ranked cause as an evaluation sees it.
 *
 * @param score      the summed weight of the cause's evidence, which the confidence is a softmax of
 * @param confidence what Triage told the user, 0..1
 */
public record Ranked(String id, int score, double confidence) {

    /** The causes of a reply, best first. */
    public static List<Ranked> of(Reply reply) {
        return reply.causes().stream()
                .map(c -> new Ranked(c.id(), c.evidence().stream().mapToInt(Evidence::weight).sum(), c.confidence()))
                .toList();
    }
}
