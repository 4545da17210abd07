package dev.triage.bot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotException;
import dev.triage.bot.store.CaseStore.NewFact;
import dev.triage.bot.store.Fact;
import dev.triage.bot.store.FactKind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns conversation events into stored facts and stored facts back into a {@link CaseState}. */
final class FactCodec {
    private static final TypeReference<List<ProbeOutcome>> PROBE_LIST = new TypeReference<>() {
    };
    private final ObjectMapper json;

    FactCodec(ObjectMapper json) {
        this.json = json;
    }

    NewFact message(String text) {
        return new NewFact(FactKind.MESSAGE, write(Map.of("text", text)));
    }

    NewFact answer(String questionId, String value) {
        return new NewFact(FactKind.ANSWER, write(Map.of("question", questionId, "value", value)));
    }

    NewFact host(String host) {
        return new NewFact(FactKind.HOST, write(Map.of("host", host)));
    }

    NewFact probeRun(ProbeGateway.ProbeRun run) {
        return new NewFact(FactKind.PROBE_RUN, write(Map.of("target", run.target(), "results", run.steps())));
    }

    String step(ProbeOutcome step) {
        return write(step);
    }

    ProbeOutcome step(String stored) {
        try {
            return json.readValue(stored, ProbeOutcome.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored probe step is not readable", e);
        }
    }

    /** Replays the facts in order; later answers and hosts replace earlier ones. */
    CaseState state(List<Fact> facts) {
        return fold(CaseSnapshot.empty(), facts).state();
    }

    /** Folds facts that come after the snapshot's onto it; facts it already holds are skipped. */
    CaseSnapshot fold(CaseSnapshot from, List<Fact> facts) {
        int lastSeq = from.lastSeq();
        Optional<String> first = from.firstText();
        Deque<String> recent = new ArrayDeque<>(from.recentTexts());
        int recentChars = recent.stream().mapToInt(String::length).sum();
        Map<String, String> answers = new LinkedHashMap<>(from.answers());
        Optional<String> host = from.hostFact();
        Optional<String> textHost = from.textHost();
        List<ProbeOutcome> probes = from.probes();
        Set<String> probed = new LinkedHashSet<>(from.probedTargets());
        for (Fact fact : facts) {
            if (fact.seq() <= lastSeq) {
                continue;
            }
            lastSeq = fact.seq();
            JsonNode node = read(fact.payload());
            switch (fact.kind()) {
                case MESSAGE -> {
                    String text = node.path("text").asText();
                    Optional<String> named = HostExtractor.find(text);
                    if (named.isPresent()) {
                        textHost = named;
                    }
                    if (first.isEmpty()) {
                        first = Optional.of(text);
                    } else {
                        recent.addLast(text);
                        recentChars += text.length();
                        while (recent.size() > 1 && recentChars > CaseSnapshot.RECENT_CHARS) {
                            recentChars -= recent.removeFirst().length();
                        }
                    }
                }
                case ANSWER -> answers.put(node.path("question").asText(), node.path("value").asText());
                case HOST -> host = Optional.of(node.path("host").asText());
                case PROBE_RUN -> {
                    probes = json.convertValue(node.path("results"), PROBE_LIST);
                    probed.add(node.path("target").asText());
                }
                case FEEDBACK, TICKET -> {
                    // Feedback rates a fix and a ticket link says where the case went: neither changes what the
                    // case knows about the failure.
                }
            }
        }
        return new CaseSnapshot(lastSeq, first, List.copyOf(recent), answers, host, textHost, probes, probed);
    }

    NewFact feedback(String articleId, int step, boolean worked) {
        return new NewFact(FactKind.FEEDBACK, write(Map.of("article", articleId, "step", step, "worked", worked)));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new BotException("cannot encode a fact", e);
        }
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new BotException("a stored fact is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
