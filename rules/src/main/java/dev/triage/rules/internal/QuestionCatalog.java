package dev.triage.rules.internal;

import dev.triage.rules.Question;
import dev.triage.rules.RulesException;
import dev.triage.rules.internal.pack.Pack;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The follow-up questions, in a stable order that also breaks ties between equally useful questions. */
public final class QuestionCatalog {
    private final Map<String, Question> byId;
    private final Map<String, Integer> positions = new LinkedHashMap<>();
    /** Per question, the signals ({@code "pack family id"}) that mean the pasted text already answers it. */
    private final Map<String, Set<String>> answeredBy;

    private QuestionCatalog(List<Question> questions, Map<String, Set<String>> answeredBy) {
        Map<String, Question> m = new LinkedHashMap<>();
        for (Question q : questions) {
            if (m.put(q.id(), q) != null) {
                throw new RulesException("question catalog: duplicate question id " + q.id());
            }
        }
        this.byId = m;
        this.answeredBy = Map.copyOf(answeredBy);
        m.keySet().forEach(id -> positions.put(id, positions.size()));
    }

    /** The questions of all packs, pack by pack in file order. */
    public static QuestionCatalog of(List<Pack> packs) {
        Map<String, Set<String>> answeredBy = new HashMap<>();
        for (Pack pack : packs) {
            pack.answeredBy().forEach((question, signals) -> signals.forEach(signal -> answeredBy
                    .computeIfAbsent(question, k -> new HashSet<>()).add(pack.id() + " " + signal)));
        }
        return new QuestionCatalog(packs.stream().flatMap(p -> p.questions().stream()).toList(), answeredBy);
    }

    /** The questions the pasted text already answers, by the signals found in it. */
    Set<String> answeredBy(List<Signal> seen) {
        Set<String> keys = new HashSet<>();
        seen.forEach(s -> keys.add(s.pack() + " " + s.family() + " " + s.id()));
        Set<String> answered = new HashSet<>();
        answeredBy.forEach((question, signals) -> {
            if (signals.stream().anyMatch(keys::contains)) {
                answered.add(question);
            }
        });
        return answered;
    }

    public List<Question> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Question> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Position in the catalog, for deterministic tie-breaking. */
    public int order(String id) {
        return positions.getOrDefault(id, Integer.MAX_VALUE);
    }

    /** The label of an option, or the value itself for free text and unknown values. */
    public String label(String questionId, String value) {
        return find(questionId).flatMap(q -> q.options().stream().filter(o -> o.value().equals(value)).findFirst())
                .map(Question.Option::label).orElse(value);
    }
}
