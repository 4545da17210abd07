package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.ReplyOutline;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replies as Bot Framework message activities: the diagnosis as Teams Markdown (the three likeliest causes with
 * their evidence, the leading cause's first fix steps, the case link), the next question as an Adaptive Card whose
 * buttons are {@code Action.Submit}s, and the probe ladder. Every activity stays within {@value #MAX_BYTES} bytes of
 * JSON (Teams refuses bot messages much over 40 KB, chat-platforms.md §4); the rest is behind the case link.
 */
final class TeamsCards {
    static final int MAX_BYTES = 25 * 1024;
    static final String SUBMIT_KIND = "answer";
    private static final String CARD_TYPE = "application/vnd.microsoft.card.adaptive";
    /** More options than Teams shows as buttons on one card become a choice list with one submit button. */
    private static final int BUTTONS_SHOWN = 5;
    private static final int MAX_LABEL = 60;

    private final String publicUrl;
    private final ObjectMapper json;

    /** @param publicUrl the address people reach Triage at; case links start with it */
    TeamsCards(String publicUrl, ObjectMapper json) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.json = json;
    }

    String caseUrl(String caseId) {
        return publicUrl + "/cases/" + caseId;
    }

    /** The diagnosis as one Markdown message. */
    ObjectNode reply(Reply reply) {
        List<String> parts = new ArrayList<>();
        reply.message().ifPresent(m -> parts.add(TeamsText.plain(m)));
        if (!reply.codes().isEmpty()) {
            parts.add(codes(reply.codes()));
        }
        ReplyOutline outline = ReplyOutline.of(reply);
        parts.add(causes(outline));
        fixes(outline).ifPresent(parts::add);
        reply.notices().forEach(n -> parts.add("⚠ " + TeamsText.plain(n)));
        if (reply.probing()) {
            parts.add("_Checking " + reply.host().map(TeamsText::code).orElse("the host")
                    + " now; the steps show below as they finish, and the answer follows them._");
        }
        String link = reply.caseId().map(id -> "\n\n[Case " + id + "](" + caseUrl(id) + "): every cause, all fix"
                + " steps, the probe results and a summary to paste into a ticket.").orElse("");
        return message(String.join("\n\n", parts), link);
    }

    /** The question as an Adaptive Card: a button per option, or a choice list when there are many. */
    Optional<ObjectNode> question(Reply reply) {
        if (reply.questions().isEmpty() || reply.caseId().isEmpty()) {
            return Optional.empty();
        }
        Question next = reply.questions().get(0);
        ArrayNode body = json.createArrayNode();
        body.add(textBlock("**" + TeamsText.card(next.text()) + "**"));
        ArrayNode actions = json.createArrayNode();
        if (next.freeText()) {
            body.add(textBlock("Reply in this conversation with your answer."));
        } else if (next.options().size() <= BUTTONS_SHOWN) {
            body.add(textBlock("Pick one, or reply in your own words."));
            for (Question.Option option : next.options()) {
                actions.add(submit(label(option.label()), submitData(reply.caseId().get(), next.id())
                        .put("value", option.value())));
            }
        } else {
            ObjectNode choices = json.createObjectNode().put("type", "Input.ChoiceSet").put("id", "value")
                    .put("style", "expanded");
            ArrayNode list = choices.putArray("choices");
            next.options().forEach(o -> list.addObject().put("title", label(o.label())).put("value", o.value()));
            body.add(choices);
            actions.add(submit("Answer", submitData(reply.caseId().get(), next.id())));
        }
        return Optional.of(card(body, actions, TeamsText.card(next.text())));
    }

    /** The question card once answered: who answered what, and no buttons to press again. */
    ObjectNode answered(String userName, String questionText, String label) {
        ArrayNode body = json.createArrayNode();
        body.add(textBlock("**" + TeamsText.card(questionText) + "**"));
        body.add(textBlock("✓ " + TeamsText.card(userName.isBlank() ? "Someone" : userName) + " answered: **"
                + TeamsText.card(label) + "**"));
        return card(body, json.createArrayNode(), TeamsText.card(questionText) + ": " + TeamsText.card(label));
    }

    /** The probe ladder as one message, replaced as steps start and finish. */
    ObjectNode progress(Optional<String> host, List<ProbeOutcome> finished, Optional<String> running, boolean done) {
        List<String> lines = new ArrayList<>();
        lines.add((done ? "**Checked** " : "**Checking** ") + host.map(TeamsText::code).orElse("the host"));
        for (ProbeOutcome step : finished) {
            String line = mark(step) + " " + TeamsText.code(step.name()) + " " + TeamsText.plain(step.status())
                    + " · " + step.elapsedMs() + " ms";
            lines.add(step.summary().isBlank() ? line : line + " · " + TeamsText.plain(step.summary()));
        }
        running.ifPresent(step -> lines.add("⏳ " + TeamsText.code(step) + " running…"));
        return message(String.join("\n\n", lines), "");
    }

    /** A plain notice (an input Triage would not take, a case that is full). */
    ObjectNode notice(String text) {
        return message(TeamsText.plain(text), "");
    }

    private ObjectNode message(String markdown, String link) {
        ObjectNode activity = json.createObjectNode().put("type", "message").put("textFormat", "markdown");
        activity.put("text", markdown + link);
        int overhead = TeamsText.utf8(activity.toString()) - TeamsText.utf8(markdown + link);
        if (overhead + TeamsText.utf8(markdown + link) > MAX_BYTES) {
            // JSON escaping can grow the text (quotes, backslashes); leave room for it.
            int budget = (MAX_BYTES - overhead) * 4 / 5;
            activity.put("text", TeamsText.limitBytes(markdown, budget - TeamsText.utf8(link), "") + link);
        }
        return activity;
    }

    private ObjectNode card(ArrayNode body, ArrayNode actions, String summary) {
        ObjectNode activity = json.createObjectNode().put("type", "message").put("summary", summary);
        ObjectNode content = activity.putArray("attachments").addObject().put("contentType", CARD_TYPE)
                .putObject("content");
        content.put("type", "AdaptiveCard").put("version", "1.4")
                .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        content.set("body", body);
        if (!actions.isEmpty()) {
            content.set("actions", actions);
        }
        return activity;
    }

    private ObjectNode textBlock(String text) {
        return json.createObjectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    private ObjectNode submit(String title, ObjectNode data) {
        ObjectNode action = json.createObjectNode().put("type", "Action.Submit").put("title", title);
        action.set("data", data);
        return action;
    }

    /** What a click sends back: which question, of which case; the case is still taken from the conversation. */
    private ObjectNode submitData(String caseId, String questionId) {
        return json.createObjectNode().put("triage", SUBMIT_KIND).put("case", caseId).put("question", questionId);
    }

    private static String codes(List<DecodedCode> codes) {
        StringBuilder out = new StringBuilder("**Codes**\n");
        for (DecodedCode c : codes) {
            out.append("\n- ").append(TeamsText.code(c.code())).append(' ');
            if (!c.name().isEmpty()) {
                out.append(TeamsText.plain(c.name())).append(": ");
            }
            out.append(TeamsText.plain(c.meaning()));
        }
        return out.toString();
    }

    private static String causes(ReplyOutline outline) {
        if (outline.causes().isEmpty()) {
            return "No likely cause yet: tell me more here (which client, the exact message, what changed).";
        }
        StringBuilder out = new StringBuilder("**Likely causes**\n");
        for (ReplyOutline.Cause c : outline.causes()) {
            out.append('\n').append(c.rank()).append(". **").append(TeamsText.plain(c.title())).append("** · ")
                    .append(c.percent()).append('%');
            for (ReplyOutline.Line e : c.evidence()) {
                out.append("\n    - ").append(e.against() ? "against: " : "").append(TeamsText.plain(e.text()));
            }
        }
        if (outline.moreCauses() > 0) {
            out.append("\n\n_").append(outline.moreCauses()).append(" less likely causes in the case._");
        }
        return out.toString();
    }

    private static Optional<String> fixes(ReplyOutline outline) {
        return outline.fix().map(fix -> {
            StringBuilder out = new StringBuilder("**What to try, for:** ").append(TeamsText.plain(fix.title()))
                    .append('\n');
            for (int i = 0; i < fix.steps().size(); i++) {
                // Continuation lines indented, so a step's code block stays inside its list item.
                out.append('\n').append(i + 1).append(". ").append(TeamsText.fromMarkdown(fix.steps().get(i).strip())
                        .replace("\n", "\n   "));
            }
            if (fix.moreSteps() > 0) {
                out.append("\n\n_").append(fix.moreSteps()).append(" more steps in the case._");
            }
            return out.toString();
        });
    }

    private static String label(String label) {
        String shown = TeamsText.card(label);
        return shown.length() <= MAX_LABEL ? shown : shown.substring(0, MAX_LABEL - 1) + "…";
    }

    private static String mark(ProbeOutcome step) {
        return switch (step.status()) {
            case "SKIPPED", "NOT_OFFERED" -> "–";
            default -> step.ok() ? "✓" : "✗";
        };
    }
}
