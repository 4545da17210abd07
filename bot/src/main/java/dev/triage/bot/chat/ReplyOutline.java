package dev.triage.bot.chat;

import dev.triage.bot.conversation.Reply;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What a chat reply shows of a diagnosis, before any markup: the leading causes with their strongest evidence, how
 * many causes were left out, and the leading fix's first steps. Every platform shows the same cut, so a case reads
 * alike wherever it is asked; the adapters only choose the markup. Texts are as the case holds them, unescaped.
 */
public record ReplyOutline(List<Cause> causes, int moreCauses, Optional<Fix> fix) {
    static final int CAUSES_SHOWN = 3;
    static final int EVIDENCE_SHOWN = 3;
    static final int STEPS_SHOWN = 5;

    public ReplyOutline {
        causes = List.copyOf(causes);
    }

    /** @param rank 1 for the most likely cause */
    public record Cause(int rank, String title, long percent, List<Line> evidence) {
        public Cause {
            evidence = List.copyOf(evidence);
        }
    }

    /** One piece of evidence; {@code against} when it speaks against the cause. */
    public record Line(boolean against, String text) {
    }

    /** @param title the title of the cause the fix is for, or its id when that cause is not in the reply */
    public record Fix(String title, List<String> steps, int moreSteps) {
        public Fix {
            steps = List.copyOf(steps);
        }
    }

    public static ReplyOutline of(Reply reply) {
        List<Reply.Cause> all = reply.causes();
        List<Cause> shown = IntStream.range(0, Math.min(CAUSES_SHOWN, all.size()))
                .mapToObj(i -> cause(i + 1, all.get(i))).toList();
        return new ReplyOutline(shown, Math.max(0, all.size() - CAUSES_SHOWN), fix(reply));
    }

    private static Cause cause(int rank, Reply.Cause cause) {
        List<Line> evidence = cause.readableEvidence().stream().limit(EVIDENCE_SHOWN)
                .map(e -> new Line(e.weight() < 0, e.text())).toList();
        return new Cause(rank, cause.title(), Math.round(cause.confidence() * 100), evidence);
    }

    /** Only the leading fix: a reply that lists every fix buries the one most likely to help. */
    private static Optional<Fix> fix(Reply reply) {
        if (reply.fixes().isEmpty()) {
            return Optional.empty();
        }
        Reply.Fix leading = reply.fixes().get(0);
        String title = reply.causes().stream().filter(c -> c.id().equals(leading.cause())).findFirst()
                .map(Reply.Cause::title).orElse(leading.cause());
        List<String> steps = leading.steps();
        return Optional.of(new Fix(title, steps.subList(0, Math.min(STEPS_SHOWN, steps.size())),
                Math.max(0, steps.size() - STEPS_SHOWN)));
    }
}
