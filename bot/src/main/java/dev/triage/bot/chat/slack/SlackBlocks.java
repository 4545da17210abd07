package dev.triage.bot.chat.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.triage.bot.chat.ReplyOutline;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A reply as Block Kit, within Slack's limits (50 blocks, 3,000 characters of section text, 75 of a button label):
 * the three likeliest causes with their evidence, the leading cause's first fix steps, the next question as buttons,
 * and the case link, behind which everything else is. Pasted and probed text is escaped ({@link SlackText}).
 */
final class SlackBlocks {
    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION = 3_000;
    /** Slack refuses messages whose blocks hold much more than about 13,000 characters in all (msg_blocks_too_long). */
    static final int MAX_TOTAL = 11_000;
    private static final int MAX_SIDE_TEXT = 1_000;
    static final String ANSWER_ACTION = "triage_answer_";
    static final String PASTE_VIEW = "triage_paste";
    static final String PASTE_BLOCK = "paste";
    static final String PASTE_INPUT = "text";
    /** Slack's limit for a plain-text input. */
    private static final int MAX_PASTE = 3_000;
    private static final int BUTTONS_SHOWN = 25;
    private static final int MAX_BUTTON_LABEL = 75;

    private final String publicUrl;

    /** @param publicUrl the address people reach Triage at; case links start with it */
    SlackBlocks(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The address people reach Triage at. */
    String publicUrl() {
        return publicUrl;
    }

    String caseUrl(String caseId) {
        return publicUrl + "/cases/" + caseId;
    }

    SlackMessage reply(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String more = reply.caseId().map(id -> "\n<" + caseUrl(id) + "|… more in the case>").orElse("");
        reply.message().ifPresent(m -> blocks.add(markdown(SlackText.plain(m), more, MAX_SIDE_TEXT)));
        if (!reply.codes().isEmpty()) {
            blocks.add(markdown(codes(reply.codes()), more, MAX_SIDE_TEXT));
        }
        ReplyOutline outline = ReplyOutline.of(reply);
        blocks.add(markdown(causes(outline), more));
        fixes(outline).ifPresent(text -> blocks.add(markdown(text, more)));
        if (!reply.notices().isEmpty()) {
            blocks.add(note(SlackText.limit(String.join("\n", reply.notices().stream()
                    .map(n -> "⚠ " + SlackText.plain(n)).toList()), MAX_SIDE_TEXT, "")));
        }
        if (!reply.questions().isEmpty()) {
            blocks.addAll(question(reply.questions().get(0)));
        }
        if (reply.probing()) {
            blocks.add(note("Checking " + reply.host().map(SlackText::code).orElse("the host")
                    + " now; the steps show below as they finish, and the answer is updated after them."));
        }
        reply.caseId().ifPresent(id -> blocks.add(note("<" + caseUrl(id) + "|Case " + id
                + ">: every cause, all fix steps, the probe results and a summary to paste into a ticket.")));
        return new SlackMessage(fallback(reply), blocks);
    }

    /**
     * What a thread that keeps hosts private leaves out, for the asker's eyes only: the answer with its host names
     * and addresses, the probe steps it rests on, and the case link; no buttons (they stay in the thread).
     */
    SlackMessage details(Reply reply) {
        Reply answerOnly = new Reply(reply.caseId(), reply.codes(), reply.causes(), reply.fixes(), List.of(),
                reply.probes(), reply.articles(), reply.notices(), reply.host(), false, reply.message());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(note("Only you can see this. The thread leaves host names and addresses out, as this channel is"
                + " public; here is the answer with them."));
        blocks.addAll(reply(answerOnly).blocks());
        if (!reply.probes().isEmpty()) {
            blocks.addAll(progress(reply.host(), reply.probes(), Optional.empty(), true).blocks());
        }
        return new SlackMessage(fallback(answerOnly), blocks.size() <= MAX_BLOCKS ? blocks
                : blocks.subList(0, MAX_BLOCKS));
    }

    /** The probe ladder as one message, edited as steps start and finish. */
    SlackMessage progress(Optional<String> host, List<ProbeOutcome> finished, Optional<String> running,
            boolean done) {
        StringBuilder text = new StringBuilder(done ? "*Checked* " : "*Checking* ")
                .append(host.map(SlackText::code).orElse("the host")).append('\n');
        for (ProbeOutcome step : finished) {
            text.append(mark(step)).append(' ').append(SlackText.code(step.name())).append(' ')
                    .append(SlackText.plain(step.status())).append(" · ").append(step.elapsedMs()).append(" ms");
            if (!step.summary().isBlank()) {
                text.append(" · ").append(SlackText.plain(step.summary()));
            }
            text.append('\n');
        }
        running.ifPresent(step -> text.append("⏳ ").append(SlackText.code(step)).append(" running…\n"));
        String body = SlackText.limit(text.toString().strip(), MAX_SECTION, "");
        return new SlackMessage((done ? "Checked " : "Checking ") + host.map(SlackText::plain).orElse("the host"),
                List.of(section(s -> s.text(markdownText(body)))));
    }

    /** A plain notice (an input Triage would not take, a case that is full), escaped. */
    SlackMessage notice(String message) {
        String text = SlackText.plain(message);
        return new SlackMessage(text, List.of(section(s -> s.text(markdownText(
                SlackText.limit(text, MAX_SECTION, ""))))));
    }

    /**
     * The message a slash command's thread hangs off: who asked, and the start of what they pasted unless that stays
     * out of the channel (a slash command's text is seen by no one else).
     */
    static SlackMessage asked(String userId, Optional<String> text) {
        String line = "<@" + SlackText.escape(userId) + "> asked Triage about " + text.map(SlackText::code)
                .orElse("an error; the answer is in the thread");
        return new SlackMessage(line, List.of(section(s -> s.text(markdownText(line)))));
    }

    /**
     * The modal {@code /triage} opens when given no text: one multi-line box for the error (a slash command's own
     * text is one line). The channel it was opened in rides along as the view's private metadata, which Slack
     * returns on submit and users cannot edit.
     */
    static View pasteModal(String channel) {
        return view(v -> v.type("modal").callbackId(PASTE_VIEW).privateMetadata(channel)
                .title(viewTitle(t -> t.type("plain_text").text("Triage")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Diagnose")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(input(i -> i.blockId(PASTE_BLOCK).label(plainText("The error message or log lines"))
                        .element(plainTextInput(p -> p.actionId(PASTE_INPUT).multiline(true)
                                .maxLength(MAX_PASTE)))))));
    }

    /** The blocks of a clicked message with its buttons taken away and who answered what in their place. */
    SlackMessage answered(SlackMessage clicked, String userId, String questionText, String label) {
        List<LayoutBlock> kept = new ArrayList<>(clicked.blocks().stream()
                .filter(b -> !(b instanceof com.slack.api.model.block.ActionsBlock)).toList());
        String line = "✓ <@" + SlackText.escape(userId) + "> answered " + SlackText.plain(questionText) + ": *"
                + SlackText.plain(label) + "*";
        if (kept.size() >= MAX_BLOCKS) {
            kept = new ArrayList<>(kept.subList(0, MAX_BLOCKS - 1));
        }
        kept.add(note(line));
        return new SlackMessage(SlackText.plain(questionText) + ": " + SlackText.plain(label), kept);
    }

    private static String codes(List<DecodedCode> codes) {
        StringBuilder out = new StringBuilder("*Codes*\n");
        for (DecodedCode c : codes) {
            out.append("• ").append(SlackText.code(c.code())).append(' ');
            if (!c.name().isEmpty()) {
                out.append(SlackText.plain(c.name())).append(": ");
            }
            out.append(SlackText.plain(c.meaning())).append('\n');
        }
        return out.toString().strip();
    }

    private static String causes(ReplyOutline outline) {
        if (outline.causes().isEmpty()) {
            return "No likely cause yet: tell me more in this thread (which client, the exact message, what changed).";
        }
        StringBuilder out = new StringBuilder("*Likely causes*\n");
        for (ReplyOutline.Cause c : outline.causes()) {
            out.append(c.rank()).append(". *").append(SlackText.plain(c.title())).append("* · ")
                    .append(c.percent()).append("%\n");
            for (ReplyOutline.Line e : c.evidence()) {
                out.append("      ").append(e.against() ? "against: " : "• ").append(SlackText.plain(e.text()))
                        .append('\n');
            }
        }
        if (outline.moreCauses() > 0) {
            out.append("_").append(outline.moreCauses()).append(" less likely causes in the case._");
        }
        return out.toString().strip();
    }

    private static Optional<String> fixes(ReplyOutline outline) {
        return outline.fix().map(fix -> {
            StringBuilder out = new StringBuilder("*What to try, for:* ").append(SlackText.plain(fix.title()))
                    .append('\n');
            for (int i = 0; i < fix.steps().size(); i++) {
                out.append(i + 1).append(". ").append(SlackText.fromMarkdown(fix.steps().get(i))).append('\n');
            }
            if (fix.moreSteps() > 0) {
                out.append("_").append(fix.moreSteps()).append(" more steps in the case._");
            }
            return out.toString().strip();
        });
    }

    /** The question, and one button per option whose value names the question and the option, nothing else. */
    private static List<LayoutBlock> question(Question next) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String prompt = "*" + SlackText.plain(next.text()) + "*";
        if (next.freeText() || next.options().size() > BUTTONS_SHOWN) {
            blocks.add(markdown(prompt + "\nReply in this thread with your answer.", ""));
            return blocks;
        }
        blocks.add(markdown(prompt + "\nPick one, or reply in this thread in your own words.", ""));
        List<BlockElement> buttons = new ArrayList<>();
        for (int i = 0; i < next.options().size(); i++) {
            Question.Option option = next.options().get(i);
            String actionId = ANSWER_ACTION + i;
            buttons.add(button(b -> b.actionId(actionId).text(plainText(label(option.label())))
                    .value(next.id() + "=" + option.value())));
        }
        blocks.add(actions(a -> a.blockId("question_" + next.id()).elements(buttons)));
        return blocks;
    }

    private static String label(String label) {
        String shown = dev.triage.bot.render.Untrusted.oneLine(label);
        return shown.length() <= MAX_BUTTON_LABEL ? shown : shown.substring(0, MAX_BUTTON_LABEL - 1) + "…";
    }

    private static LayoutBlock markdown(String text, String more) {
        return markdown(text, more, MAX_SECTION);
    }

    private static LayoutBlock markdown(String text, String more, int max) {
        String limited = SlackText.limit(text, max, more);
        return section(s -> s.text(markdownText(limited)));
    }

    private static LayoutBlock note(String text) {
        List<ContextBlockElement> elements = List.of(markdownText(SlackText.limit(text, MAX_SECTION, "")));
        return context(c -> c.elements(elements));
    }

    private static String mark(ProbeOutcome step) {
        return switch (step.status()) {
            case "SKIPPED", "NOT_OFFERED" -> "–";
            default -> step.ok() ? "✓" : "✗";
        };
    }

    private static String fallback(Reply reply) {
        String lead = reply.causes().isEmpty() ? "No likely cause yet"
                : "Likely: " + SlackText.plain(reply.causes().get(0).title()) + String.format(Locale.ROOT, " (%d%%)",
                        Math.round(reply.causes().get(0).confidence() * 100));
        return reply.questions().isEmpty() ? lead : lead + ". " + SlackText.plain(reply.questions().get(0).text());
    }
}
