package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.chat.CaseEvents;
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
 * same message (a button click) retires this one, so an older state never overwrites a newer one.
 */
final class DiscordLiveMessage {
    private final Function<ObjectNode, Optional<String>> send;
    private final DiscordMessages messages;
    private final BiConsumer<String, DiscordLiveMessage> onPosted;
    private final boolean probed;
    private final Optional<String> host;
    private final ProgressLadder ladder;
    private Reply reply;
    private boolean settled;
    private boolean retired;
    private boolean posted;

    /**
     * @param send shows the message's current state (edits an interaction's response; for a message read on the
     *             gateway, which has no interaction, posts it first and edits it after); the message's id when
     *             Discord took it
     * @param onPosted called once with the message's id after the first edit that Discord took
     */
    DiscordLiveMessage(Function<ObjectNode, Optional<String>> send, DiscordMessages messages, Executor worker,
            Reply first, BiConsumer<String, DiscordLiveMessage> onPosted) {
        this.send = send;
        this.messages = messages;
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

    private void edit(ProgressLadder.State state) {
        Optional<String> id = send.apply(message(state));
        if (id.isPresent() && firstPosted()) {
            onPosted.accept(id.get(), this);
        }
    }

    /**
     * The ladder reads "Checked" only once the settled reply is shown with it, not when the run goes idle, so the
     * message never says the check is over while its reply still says "checking…".
     */
    private synchronized ObjectNode message(ProgressLadder.State state) {
        Optional<DiscordMessages.Ladder> shown = probed ? Optional.of(new DiscordMessages.Ladder(host,
                state.finished(), state.running(), settled)) : Optional.empty();
        return messages.reply(reply, shown);
    }

    private synchronized boolean firstPosted() {
        boolean first = !posted;
        posted = true;
        return first;
    }
}
