package dev.triage.bot.backlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.conversation.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the backlog output says about one ticket: its id and line, a one-line summary of its text, the top three
 * causes with confidence, the decoded codes and the host, or the error that kept it from being diagnosed.
 */
public record BacklogRow(int line, String id, String summary, List<Cause> causes, List<Code> codes,
        Optional<String> host, Optional<String> error) {
    /** How many causes a row keeps. */
    public static final int CAUSES = 3;
    private static final int SUMMARY_CHARS = 140;

    public BacklogRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(summary, "summary");
        causes = List.copyOf(causes);
        codes = List.copyOf(codes);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(error, "error");
    }

    public record Cause(String id, String title, double confidence) {
    }

    public record Code(String code, String name) {
    }

    /** The leading cause, when the ticket has one. */
    public Optional<Cause> leading() {
        return causes.isEmpty() ? Optional.empty() : Optional.of(causes.get(0));
    }

    public static BacklogRow of(Diagnosed diagnosed) {
        Ticket ticket = diagnosed.ticket();
        String summary = summary(ticket.text());
        if (diagnosed.reply().isEmpty()) {
            return new BacklogRow(ticket.line(), ticket.id(), summary, List.of(), List.of(), Optional.empty(),
                    diagnosed.error());
        }
        Reply reply = diagnosed.reply().get();
        List<Cause> causes = reply.causes().stream().limit(CAUSES)
                .map(c -> new Cause(c.id(), c.title(), rounded(c.confidence()))).toList();
        List<Code> codes = reply.codes().stream().map(c -> new Code(c.code(), c.name())).toList();
        return new BacklogRow(ticket.line(), ticket.id(), summary, causes, codes, reply.host(), Optional.empty());
    }

    /** The row as one JSON line of {@code batch}'s output. */
    public ObjectNode json(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("id", id).put("line", line).put("summary", summary);
        node.putArray("causes").addAll(causes.stream().map(c -> (JsonNode) json.createObjectNode().put("id", c.id())
                .put("title", c.title()).put("confidence", c.confidence())).toList());
        node.putArray("codes").addAll(codes.stream().map(c -> (JsonNode) json.createObjectNode()
                .put("code", c.code()).put("name", c.name())).toList());
        node.put("host", host.orElse(null));
        error.ifPresent(e -> node.put("error", e));
        return node;
    }

    /**
     * A row read back from {@code batch}'s JSON output (this shape, or the full diagnosis JSON of a JSON-lines
     * batch, which has the same fields). Empty when the object is no batch result (it has neither causes nor error).
     */
    public static Optional<BacklogRow> fromJson(JsonNode node, int fileLine) {
        if (!node.path("causes").isArray() && !node.path("error").isTextual()) {
            return Optional.empty();
        }
        List<Cause> causes = new ArrayList<>();
        node.path("causes").forEach(c -> causes.add(new Cause(c.path("id").asText(""), c.path("title").asText(""),
                c.path("confidence").asDouble(0))));
        List<Code> codes = new ArrayList<>();
        node.path("codes").forEach(c -> codes.add(new Code(c.path("code").asText(""), c.path("name").asText(""))));
        int line = node.path("line").asInt(fileLine);
        String id = node.path("id").isValueNode() ? node.path("id").asText() : "line-" + fileLine;
        return Optional.of(new BacklogRow(line, id, node.path("summary").asText(""),
                causes.subList(0, Math.min(CAUSES, causes.size())), codes, text(node.path("host")),
                text(node.path("error"))));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The first non-blank line of the text, shortened: what a person reads to recognise the ticket. */
    static String summary(String text) {
        String first = text.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        if (first.length() <= SUMMARY_CHARS) {
            return first;
        }
        int end = Character.isHighSurrogate(first.charAt(SUMMARY_CHARS - 2)) ? SUMMARY_CHARS - 2 : SUMMARY_CHARS - 1;
        return first.substring(0, end) + "…";
    }

    private static double rounded(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
