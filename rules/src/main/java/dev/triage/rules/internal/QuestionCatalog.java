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
    /** Per question, the signals that show the user looking at what it asks about (questions.tsv's at-hand). */
    private final Map<String, Set<String>> atHand;

    private QuestionCatalog(List<Question> questions, Map<String, Set<String>> answeredBy,
            Map<String, Set<String>> atHand) {
        Map<String, Question> m = new LinkedHashMap<>();
        for (Question q : questions) {
            if (m.put(q.id(), q) != null) {
                throw new RulesException("question catalog: duplicate question id " + q.id());
            }
        }
        this.byId = m;
        this.answeredBy = Map.copyOf(answeredBy);
        this.atHand = Map.copyOf(atHand);
        m.keySet().forEach(id -> positions.put(id, positions.size()));
    }

    /** The questions of all packs, pack by pack in file order. */
    public static QuestionCatalog of(List<Pack> packs) {
        Map<String, Set<String>> answeredBy = new HashMap<>();
        Map<String, Set<String>> atHand = new HashMap<>();
        for (Pack pack : packs) {
            collect(pack, pack.answeredBy(), answeredBy);
            collect(pack, pack.atHand(), atHand);
        }
        return new QuestionCatalog(packs.stream().flatMap(p -> p.questions().stream()).toList(), answeredBy, atHand);
    }

    private static void collect(Pack pack, Map<String, List<String>> column, Map<String, Set<String>> into) {
        column.forEach((question, signals) -> signals.forEach(signal -> into
                .computeIfAbsent(question, k -> new HashSet<>()).add(pack.id() + " " + signal)));
    }

    /** The questions the pasted text already answers, by the signals found in it. */
    Set<String> answeredBy(List<Signal> seen) {
        return named(answeredBy, seen);
    }

    /** The questions whose answer the pasted text shows the user looking at (a tool's report that prints it). */
    Set<String> atHand(List<Signal> seen) {
        return named(atHand, seen);
    }

    private static Set<String> named(Map<String, Set<String>> column, List<Signal> seen) {
        Set<String> keys = new HashSet<>();
        seen.forEach(s -> keys.add(s.pack() + " " + s.family() + " " + s.id()));
        Set<String> named = new HashSet<>();
        column.forEach((question, signals) -> {
            if (signals.stream().anyMatch(keys::contains)) {
                named.add(question);
            }
        });
        return named;
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
