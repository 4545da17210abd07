package dev.triage.bot.chat.slack;

import dev.triage.bot.chat.ChatCore;
import dev.triage.bot.chat.HostRedaction;
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
    private static final int ROOT_QUOTE = 300;
    private static final Logger LOG = LoggerFactory.getLogger(SlackConversations.class);

    private final ChatCore core;
    private final PlatformStore store;
    private final SlackApi api;
    private final SlackBlocks blocks;
    private final Executor worker;
    private final Set<String> helpdesk;
    private final Optional<SlackChannels> privateHosts;

    /** @param privateHosts which channels are public, when hosts are kept out of them; empty to show them anywhere */
    SlackConversations(ChatCore core, PlatformStore store, SlackApi api, SlackBlocks blocks, Executor worker,
            List<String> helpdesk, Optional<SlackChannels> privateHosts) {
        this.core = core;
        this.store = store;
        this.api = api;
        this.blocks = blocks;
        this.worker = worker;
        this.helpdesk = Set.copyOf(helpdesk);
        this.privateHosts = privateHosts;
    }

    /**
     * A message in a thread (or starting one): {@code thread} is the thread's root ts. {@code team} is the workspace
     * the app is installed in, which keys the thread; {@code userTeam} is the author's own workspace, which differs for
     * a guest from another organisation in a Slack Connect channel and is the workspace of the author's identity, so
     * probe scopes written for one workspace never cover another's users.
     */
    record ThreadMessage(String team, String channel, String user, String thread, String text, String userTeam) {
        /** A message whose author belongs to the workspace it was sent in. */
        ThreadMessage(String team, String channel, String user, String thread, String text) {
            this(team, channel, user, thread, text, team);
        }
    }

    /**
     * A button click: the message it was on, its thread, the button's {@code question=option} value, and the clicker's
     * own workspace (see {@link ThreadMessage}).
     */
    record Click(String team, String channel, String user, String messageTs, String thread, String value,
            SlackMessage clicked, String userTeam) {
    }

    /** Opens the thread's case or continues it with the text. */
    void message(ThreadMessage m) {
        ThreadKey key = new ThreadKey(PLATFORM, m.team(), m.channel(), m.thread());
        Identity who = identity(m.userTeam(), m.user(), m.channel(), m.thread());
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
        answer(thread(m.channel(), m.thread(), m.user()), turn, List.of(m.text()));
    }

    /**
     * A slash command has no message to reply under, so Triage posts one naming who asked, and the case's thread
     * hangs off it.
     */
    void command(String team, String channel, String user, String text) {
        String quoted = text.length() <= ROOT_QUOTE ? text : text.substring(0, ROOT_QUOTE) + "…";
        Optional<String> shown = hidesHosts(channel) ? Optional.empty() : Optional.of(quoted);
        api.postTop(channel, SlackBlocks.asked(user, shown)).ifPresent(ts -> message(
                new ThreadMessage(team, channel, user, ts, text)));
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
        Identity who = identity(c.userTeam(), c.user(), c.channel(), c.thread());
        ChatCore.Turn turn = core.handle(InboundMessage.answer(who, linked.get().caseId(), questionId, value));
        SlackThread out = thread(c.channel(), c.thread(), c.user());
        if (turn.outcome() instanceof TurnOutcome.Replied replied) {
            Optional<Question> question = core.conversations().questions().stream()
                    .filter(q -> q.id().equals(questionId)).findFirst();
            String text = question.map(Question::text).orElse(questionId);
            String label = question.flatMap(q -> q.options().stream().filter(o -> o.value().equals(value))
                    .findFirst()).map(Question.Option::label).orElse(value);
            out.update(c.messageTs(), blocks.answered(c.clicked(), c.user(), text, label), hostsOf(out,
                    replied.reply()));
        }
        answer(out, turn, List.of());
    }

    /**
     * Posts what came of a turn in the thread; when probes run, the ladder and then the settled answer follow. The
     * turn's final answer also goes to the asker privately when the thread had to leave its hosts out.
     */
    private void answer(SlackThread out, ChatCore.Turn turn, List<String> said) {
        TurnOutcome outcome = turn.outcome();
        HostRedaction addresses = HostRedaction.none().withAddressesIn(said);
        if (outcome instanceof TurnOutcome.Replied replied) {
            Reply reply = replied.reply();
            HostRedaction hosts = hostsOf(out, reply);
            out.post(blocks.reply(reply), hosts);
            if (reply.probing()) {
                follow(out, reply, turn);
            } else {
                out.details(blocks.details(reply), hosts);
            }
        } else if (outcome instanceof TurnOutcome.Rejected rejected) {
            out.post(blocks.notice(rejected.message()), addresses);
        } else if (outcome instanceof TurnOutcome.CaseFull full) {
            out.post(blocks.notice(full.message()), addresses);
        } else {
            out.post(blocks.notice("That case no longer exists. Mention me with the error message to start a new"
                    + " one."), addresses);
        }
    }

    private void follow(SlackThread out, Reply shown, ChatCore.Turn turn) {
        String caseId = shown.caseId().orElseThrow();
        HostRedaction shownHosts = hostsOf(out, shown);
        Optional<String> ts = out.post(blocks.progress(shown.host(), List.of(), Optional.empty(), false), shownHosts);
        if (ts.isPresent()) {
            new ProgressLadder(worker, state -> out.update(ts.get(), blocks.progress(shown.host(), state.finished(),
                    state.running(), state.done()), shownHosts.and(HostRedaction.of(shown.host(), state.finished()))))
                    .follow(core.events(), caseId);
        }
        turn.settled().thenAcceptAsync(settled -> settled.ifPresent(reply -> {
            Reply answer = reply.withProbing(false);
            HostRedaction hosts = shownHosts.and(HostRedaction.of(answer));
            out.post(blocks.reply(answer), hosts);
            out.details(blocks.details(answer), hosts);
        }), worker).exceptionally(e -> {
            LOG.warn("slack: the probed answer for case {} could not be posted: {}", caseId, e);
            return null;
        });
    }

    /**
     * The hosts a reply names, and the addresses in what the user wrote in its case: read only for a thread that
     * keeps hosts out (one cheap query).
     */
    private HostRedaction hostsOf(SlackThread out, Reply reply) {
        HostRedaction hosts = HostRedaction.of(reply);
        if (!out.hidesHosts() || reply.caseId().isEmpty()) {
            return hosts;
        }
        return hosts.withAddressesIn(core.conversations().texts(reply.caseId().get()));
    }

    /** Where a turn's messages go, hosts kept out of them if the channel is public and the setting says so. */
    private SlackThread thread(String channel, String thread, String asker) {
        Optional<String> kept = hidesHosts(channel) ? Optional.of(blocks.publicUrl()) : Optional.empty();
        return new SlackThread(api, channel, thread, asker, kept);
    }

    private boolean hidesHosts(String channel) {
        return privateHosts.map(channels -> channels.isPublic(channel)).orElse(false);
    }

    private static Identity identity(String team, String user, String channel, String thread) {
        return new Identity(Surface.SLACK, team, user, channel, thread, Optional.empty());
    }
}
