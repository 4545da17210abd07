package dev.triage.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON-lines file into one entry per non-blank line; a line that is not a JSON object is kept as an error. */
final class JsonLines {
    private JsonLines() {
    }

    /** One line: its number, and either the parsed object or what is wrong with it. */
    record Line(int number, JsonNode node, String error) {
        boolean ok() {
            return error == null;
        }

        /** The case text: {@code text}, or the eval files' {@code user_text}. */
        String text() {
            JsonNode text = node.has("text") ? node.get("text") : node.path("user_text");
            return text.isTextual() ? text.asText() : null;
        }

        String id() {
            JsonNode id = node == null ? null : node.get("id");
            return id == null || id.isNull() ? "line-" + number : id.asText();
        }
    }

    static List<Line> read(Path file, ObjectMapper json) {
        List<Line> lines = new ArrayList<>();
        // A byte that is not UTF-8 becomes U+FFFD rather than failing the whole file.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            String raw;
            int number = 0;
            while ((raw = in.readLine()) != null) {
                number++;
                if (!raw.isBlank()) {
                    lines.add(parse(number, raw, json));
                }
            }
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        return lines;
    }

    private static Line parse(int number, String raw, ObjectMapper json) {
        try {
            JsonNode node = json.readTree(raw);
            if (!node.isObject()) {
                return new Line(number, null, "line " + number + " is not a JSON object");
            }
            return new Line(number, node, null);
        } catch (IOException e) {
            return new Line(number, null, "line " + number + " is not valid JSON");
        }
    }
}
