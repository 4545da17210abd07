package dev.triage.rules.internal;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.internal.evidence.DialledAddress;
import dev.triage.rules.internal.evidence.EventLogEntry;
import dev.triage.rules.internal.evidence.EvidenceParser;
import dev.triage.rules.internal.evidence.UserEvidence;
import dev.triage.rules.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the working memory of one session from a case: inputs as given, plus derived signals and hypotheses. */
final class FactAssembler {
    private final SignalExtractor signals;
    private final EvidenceParser evidence = new EvidenceParser();
    private final QuestionCatalog questions;

    FactAssembler(SignalExtractor signals, QuestionCatalog questions) {
        this.signals = signals;
        this.questions = questions;
    }

    List<Object> facts(CaseFacts c) {
        return facts(c, true);
    }

    /**
     * The facts of a case; with {@code hypotheses} false, without the hypothetical answers that only question
     * planning reads (the ranking never counts them), so a diagnosis that shows no questions costs less.
     */
    List<Object> facts(CaseFacts c, boolean hypotheses) {
        List<Object> facts = new ArrayList<>(c.codes());
        facts.addAll(CodePointer.of(c.codes()));
        facts.addAll(c.articles());
        facts.addAll(c.findings());
        HealthyServer.from(c.findings()).ifPresent(facts::add);
        facts.addAll(signals.extract(c.texts()));
        List<UserEvidence> pasted = evidence.parse(c.texts());
        facts.addAll(pasted);
        DialledAddress.of(c.dialled()).ifPresent(facts::add);
        facts.addAll(eventCodes(pasted, c.codes()));
        c.answers().forEach((q, v) -> facts.add(new Answer(q, normalize(q, v), false)));
        if (hypotheses) {
            facts.addAll(hypotheses(c.answers()));
        }
        c.host().or(() -> java.util.Optional.ofNullable(c.answers().get("target-host")))
                .filter(h -> !h.isBlank()).ifPresent(h -> facts.add(new TargetHost(h)));
        return facts;
    }

    /**
     * The disconnect reason of a client event 1026 ("Reason= 2308") is a disconnect code in decimal; as a code fact
     * every code rule applies to it, unless the decoder already found the same code.
     */
    private static List<CodeFact> eventCodes(List<UserEvidence> pasted, List<CodeFact> decoded) {
        List<CodeFact> out = new ArrayList<>();
        for (UserEvidence e : pasted) {
            if (e instanceof EventLogEntry entry && entry.id() == 1026 && !entry.detail().isEmpty()) {
                CodeFact code = new CodeFact("disconnect", entry.detail(), Long.decode(entry.detail()), "");
                boolean known = decoded.stream().anyMatch(d -> d.kind().equals("disconnect") && d.code().equals(code.code()))
                        || out.contains(code);
                if (!known) {
                    out.add(code);
                }
            }
        }
        return out;
    }

    /** Option answers compare case-insensitively ("Azure" is "azure"); free text is kept as typed. */
    private String normalize(String questionId, String value) {
        boolean options = questions.find(questionId).map(q -> !q.freeText()).orElse(false);
        return options ? value.strip().toLowerCase(java.util.Locale.ROOT) : value;
    }

    /** Every option of every unanswered question, as a hypothetical answer. */
    private List<Answer> hypotheses(Map<String, String> answered) {
        List<Answer> out = new ArrayList<>();
        for (Question q : questions.all()) {
            if (!answered.containsKey(q.id())) {
                q.options().forEach(o -> out.add(new Answer(q.id(), o.value(), true)));
            }
        }
        return out;
    }
}
