package dev.triage.bot.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.store.Fact;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Map;

/** The case page's timeline: every stored fact of the case with its time, in the order it was recorded. */
final class CaseTimeline {
    private static final int MESSAGE_CHARS = 160;

    private final ObjectMapper json;
    private final Map<String, Question> questions;

    CaseTimeline(ObjectMapper json, Map<String, Question> questions) {
        this.json = json;
        this.questions = questions;
    }

    void render(StringBuilder h, List<Fact> facts) {
        h.append("<section id=\"timeline\"><h2>Timeline</h2><ol class=\"timeline\">");
        for (Fact fact : facts) {
            h.append("<li class=\"").append(kind(fact)).append("\"><time datetime=\"").append(fact.at()).append("\">")
                    .append(CasePage.WHEN.format(fact.at())).append("</time> <span class=\"kind\">")
                    .append(label(fact)).append("</span> ").append(Untrusted.html(describe(fact))).append("</li>");
        }
        h.append("</ol></section>");
    }

    private static String kind(Fact fact) {
        return fact.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String label(Fact fact) {
        return switch (fact.kind()) {
            case MESSAGE -> "message";
            case ANSWER -> "answer";
            case HOST -> "host";
            case PROBE_RUN -> "probe run";
            case FEEDBACK -> "feedback";
            case TICKET -> "ticket";
        };
    }

    /** One line about the fact; the full texts are in the sections above. */
    String describe(Fact fact) {
        JsonNode node = read(fact.payload());
        return switch (fact.kind()) {
            case MESSAGE -> message(node.path("text").asText());
            case ANSWER -> {
                String question = node.path("question").asText();
                yield CasePage.questionText(questions, question) + " → "
                        + CasePage.answerLabel(questions, question, node.path("value").asText());
            }
            case HOST -> node.path("host").asText();
            case PROBE_RUN -> probeRun(node);
            case FEEDBACK -> "step " + (node.path("step").asInt() + 1) + " of the fix '" + node.path("article").asText()
                    + "' " + (node.path("worked").asBoolean() ? "worked" : "did not work");
            case TICKET -> "sent to " + node.path("to").asText() + " as " + node.path("key").asText() + " – "
                    + node.path("url").asText();
        };
    }

    private static String message(String text) {
        String line = Untrusted.oneLine(text);
        String shown = line.length() <= MESSAGE_CHARS ? line : line.substring(0, MESSAGE_CHARS) + "…";
        long lines = text.lines().count();
        return lines > 1 ? shown + " (" + lines + " lines)" : shown;
    }

    /** The target and where the connection broke, or that every step passed. */
    private String probeRun(JsonNode node) {
        StringBuilder out = new StringBuilder(node.path("target").asText());
        JsonNode results = node.path("results");
        for (JsonNode result : results) {
            ProbeOutcome step = json.convertValue(result, ProbeOutcome.class);
            if (TextView.mark(step).equals("✗")) {
                return out.append(": broke at ").append(step.name()).append(" (").append(step.status())
                        .append(") – ").append(step.summary()).toString();
            }
        }
        return out.append(": ").append(results.size()).append(" steps, none failed").toString();
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored fact is not JSON", e);
        }
    }
}
