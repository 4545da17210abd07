package dev.triage.bot.chat.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.ViewState;
import dev.triage.bot.store.PlatformStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's handlers: each drops what it can from the payload alone (a bot's own message), queues the conversation work
 * and acknowledges at once, without touching the database; Slack retries anything not answered within 3 s. A retried
 * event is recognised by its {@code event_id} on the worker, before any conversation work.
 */
final class SlackHandlers {
    static final String COMMAND = "/triage";
    private static final Logger LOG = LoggerFactory.getLogger(SlackHandlers.class);
    private static final Pattern ANSWER = Pattern.compile("^" + SlackBlocks.ANSWER_ACTION + "\\d+$");

    private final SlackConversations conversations;
    private final PlatformStore store;
    private final SlackApi api;
    private final Executor worker;

    SlackHandlers(SlackConversations conversations, PlatformStore store, SlackApi api, Executor worker) {
        this.conversations = conversations;
        this.store = store;
        this.api = api;
        this.worker = worker;
    }

    void register(App app) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            if (e.getBotId() == null && e.getSubtype() == null) {
                String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
                var message = new SlackConversations.ThreadMessage(payload.getTeamId(), e.getChannel(), e.getUser(),
                        thread, withoutMention(e.getText(), ctx), either(e.getUserTeam(), payload.getTeamId()));
                queueFirstDelivery(payload.getEventId(), () -> conversations.message(message));
            }
            return ctx.ack();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if (e.getBotId() == null && e.getSubtype() == null && e.getUser() != null && wanted(e, ctx)) {
                String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
                var message = new SlackConversations.ThreadMessage(payload.getTeamId(), e.getChannel(), e.getUser(),
                        thread, e.getText(), either(e.getTeam(), payload.getTeamId()));
                if ("im".equals(e.getChannelType())) {
                    queueFirstDelivery(payload.getEventId(), () -> conversations.message(message));
                } else {
                    queueFirstDelivery(payload.getEventId(), () -> conversations.reply(message));
                }
            }
            return ctx.ack();
        });
        app.blockAction(ANSWER, (request, ctx) -> {
            BlockActionPayload p = request.getPayload();
            if (p.getActions() != null && !p.getActions().isEmpty() && p.getContainer() != null
                    && p.getMessage() != null) {
                String thread = p.getContainer().getThreadTs() != null ? p.getContainer().getThreadTs()
                        : p.getMessage().getThreadTs() != null ? p.getMessage().getThreadTs()
                        : p.getContainer().getMessageTs();
                var click = new SlackConversations.Click(p.getTeam().getId(), p.getChannel().getId(),
                        p.getUser().getId(), p.getContainer().getMessageTs(), thread,
                        p.getActions().get(0).getValue(), new SlackMessage(String.valueOf(p.getMessage().getText()),
                                p.getMessage().getBlocks() == null ? List.of() : p.getMessage().getBlocks()),
                        either(p.getUser().getTeamId(), p.getTeam().getId()));
                worker.execute(() -> conversations.click(click));
            }
            return ctx.ack();
        });
        app.command(COMMAND, (request, ctx) -> {
            SlashCommandPayload p = request.getPayload();
            String text = p.getText() == null ? "" : p.getText().strip();
            if (text.isEmpty()) {
                // The trigger id expires 3 s after the command, so the modal is opened now, not on the worker.
                if (p.getTriggerId() != null && api.openModal(p.getTriggerId(), SlackBlocks.pasteModal(
                        p.getChannelId()))) {
                    return ctx.ack();
                }
                return ctx.ack("Paste the error after the command: `" + COMMAND + " Error code: 0x904 Extended error"
                        + " code: 0x7`, or mention me in a channel with it.");
            }
            worker.execute(() -> conversations.command(p.getTeamId(), p.getChannelId(), p.getUserId(), text));
            return ctx.ack();
        });
        registerModal(app);
    }

    /** The modal's paste, submitted: handled like {@code /triage <paste>} in the channel the modal was opened in. */
    private void registerModal(App app) {
        app.viewSubmission(SlackBlocks.PASTE_VIEW, (request, ctx) -> {
            ViewSubmissionPayload p = request.getPayload();
            String channel = p.getView().getPrivateMetadata();
            Map<String, Map<String, ViewState.Value>> values = p.getView().getState() == null ? Map.of()
                    : p.getView().getState().getValues();
            ViewState.Value input = values.getOrDefault(SlackBlocks.PASTE_BLOCK, Map.of())
                    .get(SlackBlocks.PASTE_INPUT);
            String text = input == null || input.getValue() == null ? "" : input.getValue().strip();
            if (channel != null && !channel.isBlank() && !text.isEmpty()) {
                worker.execute(() -> conversations.command(p.getTeam().getId(), channel, p.getUser().getId(), text));
            }
            return ctx.ack();
        });
    }

    /** The author's own workspace when Slack names it, else the workspace the event came to. */
    private static String either(String own, String delivered) {
        return own == null || own.isBlank() ? delivered : own;
    }

    /**
     * Outside DMs Triage reads only replies in its own threads that do not mention it (a mention arrives as
     * {@code app_mention} too, and is answered from there).
     */
    private static boolean wanted(MessageEvent e, EventContext ctx) {
        if ("im".equals(e.getChannelType())) {
            return true;
        }
        String botUser = ctx.getBotUserId();
        boolean mentionsBot = botUser != null && e.getText() != null && e.getText().contains("<@" + botUser);
        return e.getThreadTs() != null && !mentionsBot;
    }

    /**
     * Queues an event's work behind the record of its delivery: the worker, not the request thread, inserts the
     * event id (the acknowledgement waits for no database), and a retry finds it there and is dropped.
     */
    private void queueFirstDelivery(String eventId, Runnable work) {
        if (eventId == null) {
            return;
        }
        worker.execute(() -> {
            if (store.firstDelivery(SlackConversations.PLATFORM, eventId)) {
                work.run();
            } else {
                LOG.debug("slack: event {} was delivered before; this retry is ignored", eventId);
            }
        });
    }

    private static String withoutMention(String text, EventContext ctx) {
        String botUser = ctx.getBotUserId();
        String t = text == null ? "" : text;
        return botUser == null ? t : t.replace("<@" + botUser + ">", "").strip();
    }
}
