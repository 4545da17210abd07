package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.CaseEvents;
import dev.triage.bot.chat.HostRedaction;
import dev.triage.bot.chat.ProgressLadder;
import dev.triage.bot.conversation.Reply;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One Discord message kept up to date, through one interaction's token ({@code PATCH .../messages/@original}) or,
 * for a message read on the gateway, by posting it and then editing it: the
 * reply, then the probe ladder under it as steps start and finish, then the re-ranked reply. The {@link
 * ProgressLadder} coalesces the edits; this adds what Discord's message shows around it. A newer interaction on the
 * same message (a button click) retires this one, so an older state never overwrites a newer one. Every state goes
 * out as its {@link DiscordAudience} may read it; once the turn's last state was taken, the asker gets the details
 * the audience could not see.
 */
final class DiscordLiveMessage {
    private final Function<ObjectNode, Optional<String>> send;
    private final DiscordMessages messages;
    private final DiscordAudience audience;
    private final BiConsumer<String, DiscordLiveMessage> onPosted;
    private final boolean probed;
    private final Optional<String> host;
    private final ProgressLadder ladder;
    private Reply reply;
    private boolean settled;
    private boolean retired;
    private boolean posted;
    private boolean detailsSent;

    /**
     * @param send shows the message's current state (edits an interaction's response; for a message read on the
     *             gateway, which has no interaction, posts it first and edits it after); the message's id when
     *             Discord took it
     * @param audience who reads the message: what it may show, and how the asker gets the rest
     * @param onPosted called once with the message's id after the first edit that Discord took
     */
    DiscordLiveMessage(Function<ObjectNode, Optional<String>> send, DiscordMessages messages, Executor worker,
            Reply first, DiscordAudience audience, BiConsumer<String, DiscordLiveMessage> onPosted) {
        this.send = send;
        this.messages = messages;
        this.audience = audience;
        this.reply = first;
        this.onPosted = onPosted;
        this.probed = first.probing();
        this.host = probed ? first.host() : Optional.empty();
        this.ladder = new ProgressLadder(worker, this::edit);
    }

    /** Shows the current state now. */
    void show() {
        ladder.refresh();
    }

    /** Keeps the ladder up to date with the case's probe run. */
    void follow(CaseEvents events, String caseId) {
        ladder.follow(events, caseId);
    }

    /** The case settled on this reply: shown in place of the one with "checking…". */
    void settle(Reply settled) {
        synchronized (this) {
            reply = settled.withProbing(false);
            this.settled = true;
        }
        ladder.finish();
    }

    /** Whether the message will still change: probes are running and the settled reply is not shown yet. */
    synchronized boolean changing() {
        return probed && !settled && !retired;
    }

    /** A newer interaction now owns the message; this one stops editing it. */
    void retire() {
        synchronized (this) {
            retired = true;
        }
        ladder.stop();
    }

    /**
     * Shows a state. The details follow only after Discord took an edit: a follow-up sent before the deferred
     * response was edited would become that (public) edit.
     */
    private void edit(ProgressLadder.State state) {
        Frame frame = frame(state);
        Optional<String> id = send.apply(audience.shown(frame.message(), frame.hosts()));
        if (id.isEmpty()) {
            return;
        }
        if (firstPosted()) {
            onPosted.accept(id.get(), this);
        }
        if (frame.last() && firstDetails()) {
            audience.details(messages.details(frame.reply()), frame.hosts());
        }
    }

    /** One state as rendered: the reply it shows, the message, the hosts they name, and whether it is the last. */
    private record Frame(Reply reply, ObjectNode message, HostRedaction hosts, boolean last) {
    }

    /**
     * The ladder reads "Checked" only once the settled reply is shown with it, not when the run goes idle, so the
     * message never says the check is over while its reply still says "checking…".
     */
    private synchronized Frame frame(ProgressLadder.State state) {
        Optional<DiscordMessages.Ladder> shown = probed ? Optional.of(new DiscordMessages.Ladder(host,
                state.finished(), state.running(), settled)) : Optional.empty();
        HostRedaction hosts = HostRedaction.of(reply).and(HostRedaction.of(host, state.finished()));
        return new Frame(reply, messages.reply(reply, shown), hosts, !probed || settled);
    }

    private synchronized boolean firstPosted() {
        boolean first = !posted;
        posted = true;
        return first;
    }

    private synchronized boolean firstDetails() {
        boolean first = !detailsSent;
        detailsSent = true;
        return first;
    }
}
