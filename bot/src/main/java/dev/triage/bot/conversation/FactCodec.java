package dev.triage.bot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotException;
import dev.triage.bot.store.CaseStore.NewFact;
import dev.triage.bot.store.Fact;
import dev.triage.bot.store.FactKind;
import java.util.ArrayList;
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

    /** Replays the facts in order; later answers and hosts replace earlier ones. */
    CaseState state(List<Fact> facts) {
        List<String> texts = new ArrayList<>();
        Map<String, String> answers = new LinkedHashMap<>();
        Optional<String> host = Optional.empty();
        List<ProbeOutcome> probes = List.of();
        for (Fact fact : facts) {
            JsonNode node = read(fact.payload());
            switch (fact.kind()) {
                case MESSAGE -> texts.add(node.path("text").asText());
                case ANSWER -> answers.put(node.path("question").asText(), node.path("value").asText());
                case HOST -> host = Optional.of(node.path("host").asText());
                case PROBE_RUN -> probes = json.convertValue(node.path("results"), PROBE_LIST);
            }
        }
        if (host.isEmpty()) {
            host = HostExtractor.find(texts);
        }
        return new CaseState(texts, answers, host, probes);
    }

    /** The target of every probe run already in the facts, so a host is probed once per case. */
    List<String> probedTargets(List<Fact> facts) {
        return facts.stream().filter(f -> f.kind() == FactKind.PROBE_RUN)
                .map(f -> read(f.payload()).path("target").asText()).toList();
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
