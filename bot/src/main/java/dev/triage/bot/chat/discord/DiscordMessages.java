package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.ReplyOutline;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.render.Untrusted;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Optional;

/**
 * Triage's messages as Discord takes them, within Discord's limits (content 2,000 characters; an embed description
 * 4,096 and all embeds 6,000; 5 buttons a row, 5 rows, 80 characters a label, 100 a custom id): the three likeliest
 * causes with their evidence, the leading cause's first fix steps, the probe ladder, the next question as buttons,
 * and the case link, behind which everything else is. Every message switches mentions off, since it may echo pasted
 * or probed text, which is escaped ({@link DiscordText}).
 */
final class DiscordMessages {
    static final int MAX_CONTENT = 2_000;
    static final int MAX_DESCRIPTION = 4_096;
    static final int MAX_EMBEDS_TOTAL = 6_000;
    static final String ANSWER = "triage_answer:";
    static final String TYPE_ANSWER = "triage_type:";
    static final String PASTE_MODAL = "triage_paste";
    static final String PASTE_INPUT = "error";
    static final String ANSWER_INPUT = "answer";
    /** Discord's limit for a modal's paragraph input. */
    static final int MAX_PASTE = 4_000;
    private static final int DIAGNOSIS_LENGTH = 3_400;
    private static final int LADDER_LENGTH = 1_800;
    private static final int BUTTONS_PER_ROW = 5;
    private static final int QUESTION_ROWS = 4;
    private static final int MAX_LABEL = 80;
    private static final int COLOUR = 0x3B82F6;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String publicUrl;

    /** @param publicUrl the address people reach Triage at; case links start with it */
    DiscordMessages(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The address people reach Triage at. */
    String publicUrl() {
        return publicUrl;
    }

    String caseUrl(String caseId) {
        return publicUrl + "/cases/" + caseId;
    }

    /** The probe ladder as it stands: the host, the finished steps, the one running. */
    record Ladder(Optional<String> host, List<ProbeOutcome> finished, Optional<String> running, boolean done) {
        Ladder {
            finished = List.copyOf(finished);
        }
    }

    /** A reply, with the probe ladder under it while (or after) probes run, and the next question as buttons. */
    ObjectNode reply(Reply reply, Optional<Ladder> ladder) {
        ObjectNode message = base(content(reply));
        String more = reply.caseId().map(id -> "\n[… more in the case](" + caseUrl(id) + ")").orElse("");
        ArrayNode embeds = message.putArray("embeds");
        ObjectNode diagnosis = embeds.addObject().put("title", title(reply)).put("color", COLOUR)
                .put("description", DiscordText.limit(diagnosis(reply), DIAGNOSIS_LENGTH, more));
        reply.caseId().ifPresent(id -> diagnosis.put("url", caseUrl(id)).putObject("footer").put("text", "Case " + id
                + ": every cause, all fix steps, the probe results and a summary to paste into a ticket."));
        ladder.ifPresent(l -> embeds.add(ladder(l)));
        ArrayNode rows = message.putArray("components");
        if (!reply.questions().isEmpty()) {
            question(reply.questions().get(0), rows);
        }
        reply.caseId().ifPresent(id -> rows.add(linkRow(id)));
        return message;
    }

    /**
     * The answer for the person who asked, where only they read it, when the channel's message had to leave its hosts
     * out: the causes, the fixes, every probe step and the case link, without the question's buttons (those stay on
     * the channel's message, where the case's answers are recorded).
     */
    ObjectNode details(Reply reply) {
        Reply answerOnly = new Reply(reply.caseId(), reply.codes(), reply.causes(), reply.fixes(), List.of(),
                reply.probes(), reply.articles(), reply.notices(), reply.host(), false, reply.message());
        Optional<Ladder> steps = reply.probes().isEmpty() ? Optional.empty()
                : Optional.of(new Ladder(reply.host(), reply.probes(), Optional.empty(), true));
        ObjectNode message = reply(answerOnly, steps);
        String note = "Only you can see this. The message in the channel leaves host names and addresses out, as"
                + " everyone in the server can read it; here is the answer with them.";
        message.put("content", DiscordText.limit(note + "\n" + message.path("content").asText(), MAX_CONTENT, ""));
        return message;
    }

    /** {@code message} as a follow-up only the interaction's user sees (flag 64, EPHEMERAL). */
    static ObjectNode ephemeral(ObjectNode message) {
        return message.deepCopy().put("flags", 64);
    }

    /**
     * A plain notice (an input Triage would not take, a case that is full), escaped. Sent as an edit it replaces
     * only the text, so a diagnosis already on the message stays.
     */
    static ObjectNode notice(String text) {
        return base(DiscordText.limit(DiscordText.plain(text), MAX_CONTENT, ""));
    }

    /**
     * A notice only the user sees, as an immediate interaction response (type 4, flag 64).
     *
     * @param markdown Triage's own text; anything untrusted in it must be escaped already
     */
    static ObjectNode whisper(String markdown) {
        ObjectNode response = NODES.objectNode().put("type", 4);
        response.set("data", base(DiscordText.limit(markdown, MAX_CONTENT, "")).put("flags", 64));
        return response;
    }

    /**
     * The clicked message as the click's immediate update (type 7): its embeds kept, its question buttons taken
     * away so the question cannot be answered twice, and who answered what in their place.
     */
    ObjectNode answered(JsonNode clicked, String caseId, String userId, String question, String label) {
        ObjectNode message = base(DiscordText.limit("✓ " + mention(userId) + " answered " + DiscordText.plain(question)
                + ": **" + DiscordText.plain(label) + "**. Re-ranking the causes…", MAX_CONTENT, ""));
        message.set("embeds", clicked.path("embeds").isArray() ? clicked.path("embeds").deepCopy()
                : NODES.arrayNode());
        message.putArray("components").add(linkRow(caseId));
        return message;
    }

    /** The modal {@code /triage} opens when given no text: one paragraph input for a long paste. */
    static ObjectNode pasteModal() {
        return modal(PASTE_MODAL, "Triage", PASTE_INPUT, "The error message or log lines", MAX_PASTE);
    }

    /** The modal a free-text question's button opens; its custom id names the question, nothing else. */
    static ObjectNode answerModal(Question question) {
        return modal(TYPE_ANSWER + question.id(), "Triage", ANSWER_INPUT, cut(Untrusted.oneLine(question.text()),
                45), 200);
    }

    /** The whole message Discord shows: content plus every embed's title, description and footer. */
    static int shownLength(JsonNode message) {
        int length = message.path("content").asText().length();
        for (JsonNode embed : message.path("embeds")) {
            length += embed.path("title").asText().length() + embed.path("description").asText().length()
                    + embed.path("footer").path("text").asText().length();
        }
        return length;
    }

    static String mention(String userId) {
        return userId.matches("\\d{1,25}") ? "<@" + userId + ">" : DiscordText.plain(userId);
    }

    private static ObjectNode base(String content) {
        ObjectNode message = NODES.objectNode().put("content", content);
        message.putObject("allowed_mentions").putArray("parse");
        return message;
    }

    private static String content(Reply reply) {
        StringBuilder out = new StringBuilder();
        reply.message().ifPresent(m -> out.append(DiscordText.plain(m)).append('\n'));
        for (String notice : reply.notices()) {
            out.append("⚠ ").append(DiscordText.plain(notice)).append('\n');
        }
        if (!reply.questions().isEmpty()) {
            Question next = reply.questions().get(0);
            out.append("**").append(DiscordText.plain(next.text())).append("** ")
                    .append(next.freeText() || next.options().size() > QUESTION_ROWS * BUTTONS_PER_ROW
                            ? "Use the button below to answer." : "Pick one below.");
        }
        if (reply.probing()) {
            out.append("\nChecking ").append(reply.host().map(DiscordText::code).orElse("the host"))
                    .append(" now; this message is updated as the checks finish.");
        }
        return DiscordText.limit(out.toString().strip(), MAX_CONTENT, "");
    }

    private static String title(Reply reply) {
        return reply.causes().isEmpty() ? "No likely cause yet"
                : cut("Likely: " + Untrusted.oneLine(reply.causes().get(0).title()) + " ("
                        + Math.round(reply.causes().get(0).confidence() * 100) + "%)", 256);
    }

    private static String diagnosis(Reply reply) {
        StringBuilder out = new StringBuilder();
        if (!reply.codes().isEmpty()) {
            out.append("**Codes**\n");
            for (DecodedCode c : reply.codes()) {
                out.append("• ").append(DiscordText.code(c.code())).append(' ');
                if (!c.name().isEmpty()) {
                    out.append(DiscordText.plain(c.name())).append(": ");
                }
                out.append(DiscordText.plain(c.meaning())).append('\n');
            }
        }
        ReplyOutline outline = ReplyOutline.of(reply);
        out.append(causes(outline));
        fixes(outline).ifPresent(f -> out.append("\n").append(f));
        return out.toString().strip();
    }

    private static String causes(ReplyOutline outline) {
        if (outline.causes().isEmpty()) {
            return "No likely cause yet: run `/triage` again with more detail (which client, the exact message, what"
                    + " changed).\n";
        }
        StringBuilder out = new StringBuilder("**Likely causes**\n");
        for (ReplyOutline.Cause c : outline.causes()) {
            out.append(c.rank()).append(". **").append(DiscordText.plain(c.title())).append("** · ")
                    .append(c.percent()).append("%\n");
            for (ReplyOutline.Line e : c.evidence()) {
                out.append("  ").append(e.against() ? "against: " : "• ").append(DiscordText.plain(e.text()))
                        .append('\n');
            }
        }
        if (outline.moreCauses() > 0) {
            out.append("_").append(outline.moreCauses()).append(" less likely causes in the case._\n");
        }
        return out.toString();
    }

    /** The leading cause's first steps; article Markdown is ours, and Discord reads the same Markdown. */
    private static Optional<String> fixes(ReplyOutline outline) {
        return outline.fix().map(fix -> {
            StringBuilder out = new StringBuilder("**What to try, for:** ").append(DiscordText.plain(fix.title()))
                    .append('\n');
            for (int i = 0; i < fix.steps().size(); i++) {
                out.append(i + 1).append(". ").append(fix.steps().get(i).strip()).append('\n');
            }
            if (fix.moreSteps() > 0) {
                out.append("_").append(fix.moreSteps()).append(" more steps in the case._");
            }
            return out.toString().strip();
        });
    }

    private static ObjectNode ladder(Ladder ladder) {
        StringBuilder text = new StringBuilder();
        for (ProbeOutcome step : ladder.finished()) {
            text.append(mark(step)).append(' ').append(DiscordText.code(step.name())).append(' ')
                    .append(DiscordText.plain(step.status())).append(" · ").append(step.elapsedMs()).append(" ms");
            if (!step.summary().isBlank()) {
                text.append(" · ").append(DiscordText.plain(step.summary()));
            }
            text.append('\n');
        }
        ladder.running().ifPresent(step -> text.append("⏳ ").append(DiscordText.code(step)).append(" running…\n"));
        String host = ladder.host().map(DiscordText::plain).orElse("the host");
        return NODES.objectNode().put("title", cut((ladder.done() ? "Checked " : "Checking ") + host, 256))
                .put("color", ladder.done() ? 0x22C55E : 0xF59E0B)
                .put("description", DiscordText.limit(text.length() == 0 ? "Starting…" : text.toString().strip(),
                        LADDER_LENGTH, ""));
    }

    /**
     * The question as buttons whose custom ids name the question and the option's position, nothing else: which case
     * a click answers is looked up from the message it is on. A free-text question gets one button opening a modal.
     */
    private static void question(Question next, ArrayNode rows) {
        if (next.freeText() || next.options().size() > QUESTION_ROWS * BUTTONS_PER_ROW) {
            ArrayNode row = row(rows);
            button(row, 1, "Answer…", TYPE_ANSWER + next.id());
            return;
        }
        ArrayNode row = null;
        for (int i = 0; i < next.options().size(); i++) {
            if (i % BUTTONS_PER_ROW == 0) {
                row = row(rows);
            }
            button(row, i == 0 ? 1 : 2, next.options().get(i).label(), ANSWER + next.id() + ":" + i);
        }
    }

    private ObjectNode linkRow(String caseId) {
        ObjectNode row = NODES.objectNode().put("type", 1);
        row.putArray("components").addObject().put("type", 2).put("style", 5).put("label", "Open the case")
                .put("url", caseUrl(caseId));
        return row;
    }

    private static ArrayNode row(ArrayNode rows) {
        return rows.addObject().put("type", 1).putArray("components");
    }

    private static void button(ArrayNode row, int style, String label, String customId) {
        row.addObject().put("type", 2).put("style", style).put("label", cut(Untrusted.oneLine(label), MAX_LABEL))
                .put("custom_id", cut(customId, 100));
    }

    private static ObjectNode modal(String customId, String title, String inputId, String label, int maxLength) {
        ObjectNode modal = NODES.objectNode().put("custom_id", customId).put("title", title);
        modal.putArray("components").addObject().put("type", 1).putArray("components").addObject()
                .put("type", 4).put("custom_id", inputId).put("style", 2).put("label", label)
                .put("max_length", maxLength).put("required", true);
        return modal;
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }

    private static String mark(ProbeOutcome step) {
        return switch (step.status()) {
            case "SKIPPED", "NOT_OFFERED" -> "–";
            default -> step.ok() ? "✓" : "✗";
        };
    }
}
