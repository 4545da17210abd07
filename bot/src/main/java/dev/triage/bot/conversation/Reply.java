package dev.triage.bot.conversation;

import dev.triage.knowledge.DecodedCode;
import dev.triage.knowledge.SearchHit;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;
import java.util.List;
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
        Optional<String> host) {

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
    }

    public Reply withCaseId(String id) {
        return new Reply(Optional.of(id), codes, causes, fixes, questions, probes, articles, notices, host);
    }

    /** A ranked cause with the title of its article. */
    public record Cause(String id, String title, double confidence, List<Evidence> evidence) {
        public Cause {
            evidence = List.copyOf(evidence);
        }
    }

    /** The ordered fix steps for one cause, from its article. */
    public record Fix(String cause, String articleId, List<String> steps) {
        public Fix {
            steps = List.copyOf(steps);
        }
    }
}
