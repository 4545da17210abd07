package dev.triage.bot.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rankings as a build of Triage stated them on cases it had never been tuned on: each held-out half as scored the one
 * time it was measured. Calibration fitted on the development cases learns how often a leader is right on cases the
 * rules were written for; these records are the only evidence of how often it is right on cases they were not.
 *
 * <p>One JSON object per line: {@code {"fold": "batch-c-heldout@3c2c816", "id": "d001", "cause": "...", "ranked":
 * [{"id": "...", "score": 11, "articlesOnly": false}, ...]}}, the ranked causes best first. A fold is one held-out half
 * with the commit that scored it; folds are what cross-validation leaves out.
 */
public final class RecordedPredictions {
    private final ObjectMapper json;

    public RecordedPredictions(ObjectMapper json) {
        this.json = json;
    }

    /** One record line for {@code result}, scored by the current build, in {@code fold}. */
    public String line(String fold, Evaluation.Result result) {
        ObjectNode node = json.createObjectNode().put("fold", fold).put("id", result.evalCase().id())
                .put("cause", result.evalCase().cause());
        ArrayNode ranked = node.putArray("ranked");
        for (Ranked r : result.ranked()) {
            ranked.addObject().put("id", r.id()).put("score", r.score()).put("articlesOnly", r.articlesOnly());
        }
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of plain strings and numbers failed to serialise", e);
        }
    }

    /**
     * The records of {@code file} by fold, in the order the folds first appear. The stated confidences are not
     * recorded (they are what a fit restates), so each ranked cause reads 0 until restated.
     *
     * @throws IllegalArgumentException naming the file and line when a line is not a record
     */
    public Map<String, List<Evaluation.Result>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, List<Evaluation.Result>> byFold = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                JsonNode node = parse(file, i + 1, lines.get(i));
                byFold.computeIfAbsent(node.get("fold").asText(), f -> new ArrayList<>()).add(result(node));
            }
        }
        return byFold;
    }

    private JsonNode parse(Path file, int number, String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " line " + number + ": not JSON: " + e.getOriginalMessage(), e);
        }
        for (String field : List.of("fold", "id", "cause")) {
            if (!node.path(field).isTextual()) {
                throw new IllegalArgumentException(file + " line " + number + ": '" + field + "' must be a string");
            }
        }
        if (!node.path("ranked").isArray()) {
            throw new IllegalArgumentException(file + " line " + number + ": 'ranked' must be an array");
        }
        for (JsonNode r : node.get("ranked")) {
            if (!r.path("id").isTextual() || !r.path("score").isInt() || !r.path("articlesOnly").isBoolean()) {
                throw new IllegalArgumentException(file + " line " + number
                        + ": each of 'ranked' needs 'id' (string), 'score' (whole number), 'articlesOnly' (boolean)");
            }
        }
        return node;
    }

    private static Evaluation.Result result(JsonNode node) {
        List<Ranked> ranked = new ArrayList<>();
        for (JsonNode r : node.get("ranked")) {
            ranked.add(new Ranked(r.get("id").asText(), r.get("score").asInt(), 0, r.get("articlesOnly").asBoolean()));
        }
        return new Evaluation.Result(new EvalCase(node.get("id").asText(), "", node.get("cause").asText()), ranked);
    }
}
