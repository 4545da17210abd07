package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.conversation.CaseState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A file of labelled real cases in the shared eval format, with the checks and the scoring its tests share. */
final class LabelledCaseFile {
    private static final List<String> FIELDS =
            List.of("id", "source", "title", "platform", "user_text", "environment", "cause", "fix", "confidence");
    private static final Set<String> PLATFORMS = Set.of("mstsc", "mac-app", "freerdp", "remmina", "mremoteng", "web",
            "other");
    // Each line quotes a short excerpt of a public thread; a long paste would be copying, not quoting.
    private static final int MAX_USER_TEXT = 1000;

    private final String resource;
    private final List<JsonNode> lines;

    private LabelledCaseFile(String resource, List<JsonNode> lines) {
        this.resource = resource;
        this.lines = List.copyOf(lines);
    }

    static LabelledCaseFile read(String resource) {
        InputStream in = LabelledCaseFile.class.getResourceAsStream(resource);
        assertThat(in).as(resource + " on the test classpath").isNotNull();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(json.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LabelledCaseFile(resource, lines);
    }

    List<JsonNode> lines() {
        return lines;
    }

    List<String> sources() {
        return lines.stream().map(l -> l.path("source").asText()).toList();
    }

    List<String> ids() {
        return lines.stream().map(l -> l.path("id").asText()).toList();
    }

    /** Every line has the dev set's fields, an id of the given shape and a cause the rules know. */
    void assertWellFormed(String idPattern, Set<String> causeIds) {
        for (JsonNode line : lines) {
            String id = line.path("id").asText();
            for (String field : FIELDS) {
                assertThat(line.path(field).isTextual() && !line.path(field).asText().isBlank())
                        .as("%s has a non-blank '%s'", id, field).isTrue();
            }
            assertThat(id).matches(idPattern);
            assertThat(line.path("source").asText()).as(id).startsWith("http");
            assertThat(line.path("cause").asText()).as(id).isIn(causeIds);
            assertThat(line.path("platform").asText()).as(id).isIn(PLATFORMS);
            assertThat(line.path("confidence").asText()).as(id).isIn("high", "medium");
            assertThat(line.path("user_text").asText().length()).as(id).isLessThanOrEqualTo(MAX_USER_TEXT);
        }
    }

    void assertIdsAndSourcesUnique() {
        Set<String> ids = new HashSet<>();
        Set<String> sources = new HashSet<>();
        for (JsonNode line : lines) {
            assertThat(ids.add(line.path("id").asText())).as("duplicate id %s", line.path("id")).isTrue();
            assertThat(sources.add(line.path("source").asText())).as("duplicate source %s", line.path("source"))
                    .isTrue();
        }
    }

    /** The cases with the answers their threads state. */
    List<EvalCase> cases() {
        return lines.stream().map(l -> {
            Map<String, String> answers = new java.util.LinkedHashMap<>();
            l.path("answers").fields().forEachRemaining(e -> answers.put(e.getKey(), e.getValue().asText()));
            return new EvalCase(l.path("id").asText(), l.path("user_text").asText(), l.path("cause").asText(),
                    answers);
        }).toList();
    }

    /** Every answer names a question of the catalog and one of its options. */
    void assertAnswersFit(dev.triage.rules.Diagnoser diagnoser) {
        for (EvalCase c : cases()) {
            c.answers().forEach((question, value) -> assertThat(diagnoser.question(question)
                    .map(q -> q.options().stream().anyMatch(o -> o.value().equals(value))).orElse(false))
                    .as("%s: answers.%s = %s", c.id(), question, value).isTrue());
        }
    }

    /** Scores the cases from their text alone through the real pipeline and prints the report. */
    Evaluation evaluate(BotApplication app, String label) {
        List<EvalCase> cases = cases();
        Evaluation evaluation = Evaluation.run(cases, c -> Ranked.of(app.engine()
                .reply(new CaseState(List.of(c.text()), Map.of(), Optional.empty(), List.of()))));
        System.out.println(label + " (" + resource + ")\n" + evaluation.report());
        return evaluation;
    }
}
