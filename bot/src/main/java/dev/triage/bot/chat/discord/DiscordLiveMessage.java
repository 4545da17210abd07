package dev.triage.bot.chat.discord;

import dev.triage.bot.chat.CaseEvent;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One Discord message kept up to date through one interaction's token ({@code PATCH .../messages/@original}): the
 * reply, then the probe ladder under it as steps start and finish, then the re-ranked reply. Events arrive on probe
 * threads; each only records the state and asks for an edit, which a worker makes with the latest state, so a burst
 * of steps becomes one or two edits and probes never wait on Discord. A newer interaction on the same message (a
 * button click) retires this one, so an older state never overwrites a newer one.
 */
final class DiscordLiveMessage implements Consumer<CaseEvent> {
    private final DiscordApi api;
    private final DiscordMessages messages;
    private final Executor worker;
    private final String token;
    private final BiConsumer<String, DiscordLiveMessage> onPosted;
    private Reply reply;
    private Optional<String> host = Optional.empty();
    private boolean probed;
    private final List<ProbeOutcome> finished = new ArrayList<>();
    private Optional<String> running = Optional.empty();
    private boolean done;
    private boolean dirty;
    private boolean editing;
    private boolean retired;
    private boolean posted;
    private AutoCloseable subscription = () -> { };

    /** @param onPosted called once with the message's id after the first edit that Discord took */
    DiscordLiveMessage(DiscordApi api, DiscordMessages messages, Executor worker, String token, Reply first,
            BiConsumer<String, DiscordLiveMessage> onPosted) {
        this.api = api;
        this.messages = messages;
        this.worker = worker;
        this.token = token;
        this.reply = first;
        this.onPosted = onPosted;
        if (first.probing()) {
            this.probed = true;
            this.host = first.host();
        }
    }

    /** Shows the current state now. */
    void show() {
        request();
    }

    synchronized void subscribed(AutoCloseable handle) {
        this.subscription = handle;
        if (done || retired) {
            close();
        }
    }

    /** The case settled on this reply: shown in place of the one with "checking…". */
    void settle(Reply settled) {
        synchronized (this) {
            reply = settled.withProbing(false);
            done = true;
            running = Optional.empty();
        }
        request();
    }

    /** Whether the message will still change: probes are running and the settled reply is not shown yet. */
    synchronized boolean changing() {
        return probed && !done && !retired;
    }

    /** A newer interaction now owns the message; this one stops editing it. */
    synchronized void retire() {
        retired = true;
        close();
    }

    @Override
    public void accept(CaseEvent event) {
        synchronized (this) {
            if (done || retired) {
                return;
            }
            if (event instanceof CaseEvent.StepStarted started) {
                running = Optional.of(started.step());
            } else if (event instanceof CaseEvent.StepFinished step) {
                finished.add(step.outcome());
                running = Optional.empty();
            } else if (event instanceof CaseEvent.Idle) {
                running = Optional.empty();
                close();
            } else {
                return;
            }
        }
        request();
    }

    private void request() {
        synchronized (this) {
            if (retired) {
                return;
            }
            dirty = true;
            if (editing) {
                return;
            }
            editing = true;
        }
        worker.execute(this::edit);
    }

    /** Edits until the message shows the latest state; one edit at a time, so an older state never lands last. */
    private void edit() {
        while (true) {
            com.fasterxml.jackson.databind.node.ObjectNode message;
            synchronized (this) {
                if (!dirty || retired) {
                    editing = false;
                    return;
                }
                dirty = false;
                Optional<DiscordMessages.Ladder> ladder = probed ? Optional.of(new DiscordMessages.Ladder(host,
                        finished, running, done)) : Optional.empty();
                message = messages.reply(reply, ladder);
            }
            Optional<String> id = api.editOriginal(token, message);
            boolean first;
            synchronized (this) {
                first = id.isPresent() && !posted;
                posted |= id.isPresent();
            }
            if (first) {
                onPosted.accept(id.get(), this);
            }
        }
    }

    private void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            // The subscription only unregisters a listener; there is nothing to clean up after a failure.
        }
    }
}
