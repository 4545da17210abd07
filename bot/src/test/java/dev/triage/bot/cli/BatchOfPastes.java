package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Diagnoses several pastes in one in-process {@code triage batch --no-probes} run, so a test class builds the
 * application once, and hands back each result by its id.
 */
final class BatchOfPastes {
    private final ObjectMapper json = new ObjectMapper();

    Map<String, JsonNode> diagnose(Path dir, Map<String, String> textsById) throws IOException {
        StringBuilder lines = new StringBuilder();
        textsById.forEach((id, text) ->
                lines.append(json.createObjectNode().put("id", id).put("text", text)).append('\n'));
        Path cases = Files.writeString(dir.resolve("cases.jsonl"), lines);
        CliRun run = CliRun.of("batch", "--no-probes", cases.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, JsonNode> results = new HashMap<>();
        for (String result : run.out().strip().split("\n")) {
            JsonNode node = json.readTree(result);
            results.put(node.path("id").asText(), node);
        }
        return results;
    }
}
