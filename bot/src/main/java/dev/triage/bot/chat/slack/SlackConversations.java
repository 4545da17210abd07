package dev.triage.bot.chat.slack;

import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.InboundMessage;
import dev.triage.bot.chat.ProgressLadder;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.bot.store.PlatformStore;
import dev.triage.bot.store.PlatformStore.ThreadCase;
import dev.triage.bot.store.PlatformStore.ThreadKey;
import dev.triage.rules.Question;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Slack thread is a case: its first message opens one, later messages and button clicks continue it, and every
 * answer goes into the thread. The case is always looked up from the stored thread link, never taken from a button;
 * only the user who opened the case or a configured helpdesk user may answer its questions. Runs on the worker, after
 * Slack's request was acknowledged.
 */
final class SlackConversations {
    static final String PLATFORM = "slack";
    private static final Logger LOG = LoggerFactory.getLogger(SlackConversations.class);

    private final ChatCore core;
    private final PlatformStore store;
    private final SlackApi api;
    private final SlackBlocks blocks;
    private final Executor worker;
    private final Set<String> helpdesk;

    SlackConversations(ChatCore core, PlatformStore store, SlackApi api, SlackBlocks blocks, Executor worker,
            List<String> helpdesk) {
        this.core = core;
        this.store = store;
        this.api = api;
        this.blocks = blocks;
        this.worker = worker;
        this.helpdesk = Set.copyOf(helpdesk);
    }

    /** A message in a thread (or starting one): {@code thread} is the thread's root ts. */
    record ThreadMessage(String team, String channel, String user, String thread, String text) {
    }

    /** A button click: the message it was on, its thread, and the button's {@code question=option} value. */
    record Click(String team, String channel, String user, String messageTs, String thread, String value,
            SlackMessage clicked) {
    }

    /** Opens the thread's case or continues it with the text. */
    void message(ThreadMessage m) {
        ThreadKey key = new ThreadKey(PLATFORM, m.team(), m.channel(), m.thread());
        Identity who = identity(m.team(), m.user(), m.channel(), m.thread());
        Optional<ThreadCase> linked = store.caseOf(key);
        ChatCore.Turn turn = core.handle(InboundMessage.text(who, linked.map(ThreadCase::caseId), m.text()));
        if (turn.outcome() instanceof TurnOutcome.NoSuchCase && linked.isPresent()) {
            // The thread's case was deleted by retention: the thread starts over with a new one.
            linked = Optional.empty();
            turn = core.handle(InboundMessage.text(who, Optional.empty(), m.text()));
        }
        if (linked.isEmpty() && turn.outcome() instanceof TurnOutcome.Replied replied) {
            store.link(key, new ThreadCase(replied.reply().caseId().orElseThrow(), m.user()));
        }
        answer(m.channel(), m.thread(), turn);
    }

    /** A reply in a channel thread without a mention: continues the thread's case, if the thread is one. */
    void reply(ThreadMessage m) {
        if (store.caseOf(new ThreadKey(PLATFORM, m.team(), m.channel(), m.thread())).isPresent()) {
            message(m);
        }
    }

    /** Answers the case's question with the clicked option, if the clicker may, and takes the buttons away. */
    void click(Click c) {
        ThreadKey key = new ThreadKey(PLATFORM, c.team(), c.channel(), c.thread());
        Optional<ThreadCase> linked = store.caseOf(key);
        if (linked.isEmpty()) {
            api.whisper(c.channel(), c.user(), c.thread(), "This thread is not a Triage case any more. Mention me"
                    + " with the error message to start a new one.");
            return;
        }
        if (!c.user().equals(linked.get().openedBy()) && !helpdesk.contains(c.user())) {
            api.whisper(c.channel(), c.user(), c.thread(), "Only <@" + SlackText.escape(linked.get().openedBy())
                    + "> or the helpdesk can answer this case's questions. Reply in the thread to add what you know.");
            return;
        }
        // One answer per message with buttons, however often (or on however many instances) it is clicked.
        if (!store.firstDelivery(PLATFORM, "click:" + c.channel() + ":" + c.messageTs())) {
            return;
        }
        int eq = c.value().indexOf('=');
        if (eq <= 0) {
            LOG.debug("slack: a button value without question=option was ignored");
            return;
        }
        String questionId = c.value().substring(0, eq);
        String value = c.value().substring(eq + 1);
        Identity who = identity(c.team(), c.user(), c.channel(), c.thread());
        ChatCore.Turn turn = core.handle(InboundMessage.answer(who, linked.get().caseId(), questionId, value));
        if (turn.outcome() instanceof TurnOutcome.Replied) {
            Optional<Question> question = core.conversations().questions().stream()
                    .filter(q -> q.id().equals(questionId)).findFirst();
            String text = question.map(Question::text).orElse(questionId);
            String label = question.flatMap(q -> q.options().stream().filter(o -> o.value().equals(value))
                    .findFirst()).map(Question.Option::label).orElse(value);
            api.update(c.channel(), c.messageTs(), blocks.answered(c.clicked(), c.user(), text, label));
        }
        answer(c.channel(), c.thread(), turn);
    }

    /** Posts what came of a turn in the thread; when probes run, the ladder and then the settled answer follow. */
    private void answer(String channel, String thread, ChatCore.Turn turn) {
        TurnOutcome outcome = turn.outcome();
        if (outcome instanceof TurnOutcome.Replied replied) {
            api.post(channel, thread, blocks.reply(replied.reply()));
            if (replied.reply().probing()) {
                follow(channel, thread, replied.reply(), turn);
            }
        } else if (outcome instanceof TurnOutcome.Rejected rejected) {
            api.post(channel, thread, blocks.notice(rejected.message()));
        } else if (outcome instanceof TurnOutcome.CaseFull full) {
            api.post(channel, thread, blocks.notice(full.message()));
        } else {
            api.post(channel, thread, blocks.notice(
                    "That case no longer exists. Mention me with the error message to start a new one."));
        }
    }

    private void follow(String channel, String thread, Reply shown, ChatCore.Turn turn) {
        String caseId = shown.caseId().orElseThrow();
        Optional<String> ts = api.post(channel, thread, blocks.progress(shown.host(), List.of(), Optional.empty(),
                false));
        if (ts.isPresent()) {
            new ProgressLadder(worker, state -> api.update(channel, ts.get(), blocks.progress(shown.host(),
                    state.finished(), state.running(), state.done()))).follow(core.events(), caseId);
        }
        turn.settled().thenAcceptAsync(settled -> settled.ifPresent(reply -> api.post(channel, thread,
                blocks.reply(reply.withProbing(false)))), worker).exceptionally(e -> {
                    LOG.warn("slack: the probed answer for case {} could not be posted: {}", caseId, e);
                    return null;
                });
    }

    private static Identity identity(String team, String user, String channel, String thread) {
        return new Identity(Surface.SLACK, team, user, channel, thread, Optional.empty());
    }
}
