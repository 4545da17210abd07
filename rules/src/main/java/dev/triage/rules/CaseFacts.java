package dev.triage.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything known about one case, the input of a diagnosis. A case's state is exactly this: the diagnosis is a pure
 * function of it, so replaying the same facts gives the same answer.
 *
 * @param texts    every text the user pasted or wrote, oldest first (untrusted)
 * @param codes    the error codes decoded from those texts
 * @param answers  answers to follow-up questions: question id to option value (or free text for free questions)
 * @param articles knowledge articles that matched the texts, best first
 * @param findings results of live probes, mapped to the rules' vocabulary
 * @param host     the host the user is connecting to, when known ({@code name} or {@code name:port})
 * @param dialled  every host the texts name as the one the client connects to (a client's /v: argument, an .rdp
 *                 file's full address, "connect to X"), as written; not a host that only a port test or a ping names
 */
public record CaseFacts(
        List<String> texts,
        List<CodeFact> codes,
        Map<String, String> answers,
        List<ArticleFact> articles,
        List<ProbeFinding> findings,
        Optional<String> host,
        List<String> dialled) {

    public CaseFacts {
        texts = List.copyOf(texts);
        codes = List.copyOf(codes);
        answers = Map.copyOf(answers);
        articles = List.copyOf(articles);
        findings = List.copyOf(findings);
        Objects.requireNonNull(host, "host");
        dialled = List.copyOf(dialled);
    }

    /** A case whose texts were not read for the host the client dials. */
    public CaseFacts(List<String> texts, List<CodeFact> codes, Map<String, String> answers, List<ArticleFact> articles,
            List<ProbeFinding> findings, Optional<String> host) {
        this(texts, codes, answers, articles, findings, host, List.of());
    }

    /** Facts of a single pasted text and nothing else. */
    public static CaseFacts ofText(String text) {
        return new CaseFacts(List.of(text), List.of(), Map.of(), List.of(), List.of(), Optional.empty());
    }
}
