package dev.triage.bot.tickets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.render.Untrusted;

/**
 * A case as an Atlassian Document Format document, for a Jira description or comment. Untrusted text (the paste,
 * the host) goes only into code blocks or into text nodes without marks, so nothing in it can become a link, an
 * image, a mention or formatting; the one link mark is the case's own permalink.
 */
final class Adf {
    private final ObjectMapper json;

    Adf(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode document(TicketContent content, String intro) {
        ObjectNode doc = json.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode blocks = doc.putArray("content");
        ArrayNode first = paragraph(blocks);
        text(first, intro + " ");
        text(first, content.caseUrl()).putArray("marks").addObject().put("type", "link").putObject("attrs")
                .put("href", content.caseUrl());
        heading(blocks, "What the user reported");
        for (String paste : content.texts()) {
            codeBlock(blocks, Untrusted.visible(paste));
        }
        if (!content.codes().isEmpty()) {
            text(paragraph(blocks), "Codes: " + String.join(", ", content.codes()));
        }
        content.host().ifPresent(host -> text(paragraph(blocks), "Host: " + Untrusted.oneLine(host)));
        heading(blocks, "Likely causes");
        if (content.causes().isEmpty()) {
            text(paragraph(blocks), "None determined yet.");
        } else {
            ArrayNode causes = orderedList(blocks);
            content.causes().stream().limit(5).map(TicketContent::causeLine).forEach(line -> item(causes, line));
        }
        if (!content.fixes().isEmpty()) {
            heading(blocks, content.causes().isEmpty() ? "Fixes, in order"
                    : "Fixes for " + content.causes().get(0).title() + ", in order");
            ArrayNode steps = orderedList(blocks);
            content.fixes().forEach(step -> item(steps, step));
        }
        return doc;
    }

    private static ArrayNode paragraph(ArrayNode blocks) {
        return blocks.addObject().put("type", "paragraph").putArray("content");
    }

    private static void heading(ArrayNode blocks, String title) {
        ObjectNode heading = blocks.addObject().put("type", "heading");
        heading.putObject("attrs").put("level", 3);
        text(heading.putArray("content"), title);
    }

    /** A code block of plain text; ADF forbids empty text nodes, so an empty paste gives an empty block. */
    private static void codeBlock(ArrayNode blocks, String code) {
        ObjectNode block = blocks.addObject().put("type", "codeBlock");
        block.putObject("attrs").put("language", "text");
        ArrayNode content = block.putArray("content");
        if (!code.isEmpty()) {
            text(content, code);
        }
    }

    private static ArrayNode orderedList(ArrayNode blocks) {
        return blocks.addObject().put("type", "orderedList").putArray("content");
    }

    private static void item(ArrayNode list, String line) {
        text(paragraph(list.addObject().put("type", "listItem").putArray("content")), line);
    }

    private static ObjectNode text(ArrayNode content, String text) {
        return content.addObject().put("type", "text").put("text", text.isEmpty() ? " " : text);
    }
}
