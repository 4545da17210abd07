package dev.triage.bot.conversation;

import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Triage's answer to one turn: everything the renderers (CLI, JSON, chat, ticket) show.
 *
 * @param caseId    the stored case, empty for one-shot diagnoses
 * @param codes     decoded codes, in order of appearance
 * @param causes    ranked causes, best first
 * @param fixes     ordered fixes of the leading causes, the leading cause first
 * @param questions follow-up questions, the most useful first
 * @param probes    the probe steps that ran
 * @param articles  the knowledge articles that matched
 * @param notices   things the user should know about the input (unknown codes, probes not allowed, ...)
 * @param host      the host being diagnosed, when known
 * @param probing   whether a probe run for this case is still going on (a newer reply follows when it ends)
 * @param message   what Triage says to this turn beyond the diagnosis (an answer that fit no option, a full case)
 */
public record Reply(
        Optional<String> caseId,
        List<DecodedCode> codes,
        List<Cause> causes,
        List<Fix> fixes,
        List<Question> questions,
        List<ProbeOutcome> probes,
        List<SearchHit> articles,
        List<String> notices,
        Optional<String> host,
        boolean probing,
        Optional<String> message) {

    public Reply {
        Objects.requireNonNull(caseId, "caseId");
        codes = List.copyOf(codes);
        causes = List.copyOf(causes);
        fixes = List.copyOf(fixes);
        questions = List.copyOf(questions);
        probes = List.copyOf(probes);
        articles = List.copyOf(articles);
        notices = List.copyOf(notices);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(message, "message");
    }

    public Reply withCaseId(String id) {
        return new Reply(Optional.of(id), codes, causes, fixes, questions, probes, articles, notices, host, probing,
                message);
    }

    public Reply withProbing(boolean running) {
        return new Reply(caseId, codes, causes, fixes, questions, probes, articles, notices, host, running, message);
    }

    public Reply withMessage(String text) {
        return new Reply(caseId, codes, causes, fixes, questions, probes, articles, notices, host, probing,
                Optional.of(text));
    }

    /** A ranked cause with the title of its article. */
    public record Cause(String id, String title, double confidence, List<Evidence> evidence) {
        public Cause {
            evidence = List.copyOf(evidence);
        }

        /**
         * The evidence a person reads: each text once, with the net weight of every rule that cites it, strongest
         * first as in {@link #evidence}. Two rules may cite the same fact ("the client looks like guacamole"), or one rule
         * take back what another gave for it; the JSON keeps every rule, a reply showing "X" beside "against: X"
         * only reads as noise. A fact whose rules cancel out says nothing for or against the cause and is left out.
         */
        public List<Evidence> readableEvidence() {
            Map<String, Evidence> byText = new LinkedHashMap<>();
            for (Evidence e : evidence) {
                byText.merge(e.text(), e, (first, next) ->
                        new Evidence(first.rule(), first.text(), first.weight() + next.weight(), first.articleMatch()));
            }
            return byText.values().stream().filter(e -> e.weight() != 0)
                    .sorted(Comparator.comparingInt((Evidence e) -> -Math.abs(e.weight()))).toList();
        }
    }

    /**
     * The ordered fix steps for one cause, from its article, with how often each step worked across all cases.
     *
     * @param tallies one per step, in step order
     */
    public record Fix(String cause, String articleId, List<String> steps, List<Tally> tallies) {
        public Fix {
            steps = List.copyOf(steps);
            tallies = List.copyOf(tallies);
            if (tallies.size() != steps.size()) {
                throw new IllegalArgumentException("one tally per step: " + steps.size() + " != " + tallies.size());
            }
        }

        public Fix(String cause, String articleId, List<String> steps) {
            this(cause, articleId, steps, steps.stream().map(s -> Tally.NONE).toList());
        }

        /** The share of ratings of this fix's steps that said it worked, counting one "no" as a prior: 0..1. */
        double workedShare() {
            int worked = tallies.stream().mapToInt(Tally::worked).sum();
            int tried = tallies.stream().mapToInt(Tally::tried).sum();
            return worked / (tried + 1.0);
        }
    }

    /** How many people said a fix step worked, of those who said whether it did. */
    public record Tally(int worked, int tried) {
        public static final Tally NONE = new Tally(0, 0);
    }

    /**
     * This reply with each fix step's tally looked up by {@code article} and step index. Fixes of causes the rules
     * rank equally are then ordered by how often their steps worked across cases; the rules' order stands otherwise.
     */
    public Reply withTallies(java.util.function.BiFunction<String, Integer, Tally> tally) {
        List<Fix> counted = fixes.stream().map(f -> new Fix(f.cause(), f.articleId(), f.steps(),
                java.util.stream.IntStream.range(0, f.steps().size()).mapToObj(i -> tally.apply(f.articleId(), i))
                        .toList())).toList();
        java.util.Map<String, Long> rank = new java.util.HashMap<>();
        causes.forEach(c -> rank.putIfAbsent(c.id(), Math.round(c.confidence() * 1000)));
        List<Fix> ordered = counted.stream().sorted(java.util.Comparator
                .comparingLong((Fix f) -> -rank.getOrDefault(f.cause(), 0L))
                .thenComparingDouble(f -> -f.workedShare())).toList();
        return new Reply(caseId, codes, causes, ordered, questions, probes, articles, notices, host, probing,
                message);
    }
}
