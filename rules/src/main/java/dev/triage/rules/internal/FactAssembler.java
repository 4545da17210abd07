package dev.triage.rules.internal;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the working memory of one session from a case: inputs as given, plus derived signals and hypotheses. */
final class FactAssembler {
    private final SignalExtractor signals;
    private final QuestionCatalog questions;
    private final List<CauseInfo> causes;

    FactAssembler(SignalExtractor signals, QuestionCatalog questions, CauseCatalog causes) {
        this.signals = signals;
        this.questions = questions;
        this.causes = causes.facts();
    }

    List<Object> facts(CaseFacts c) {
        List<Object> facts = new ArrayList<>(causes);
        facts.addAll(c.codes());
        facts.addAll(c.articles());
        facts.addAll(c.findings());
        facts.addAll(signals.extract(c.texts()));
        c.answers().forEach((q, v) -> facts.add(new Answer(q, normalize(q, v), false)));
        facts.addAll(hypotheses(c.answers()));
        c.host().or(() -> java.util.Optional.ofNullable(c.answers().get("target-host")))
                .filter(h -> !h.isBlank()).ifPresent(h -> facts.add(new TargetHost(h)));
        return facts;
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
