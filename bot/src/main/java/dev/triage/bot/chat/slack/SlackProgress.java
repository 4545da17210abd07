package dev.triage.bot.chat.slack;

import dev.triage.bot.chat.CaseEvent;
import dev.triage.bot.conversation.ProbeOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The probe ladder of one run as ONE Slack message, edited as steps start and finish. Events arrive on probe threads;
 * each only records the step and asks for an edit, which a worker makes with the latest state, so a burst of steps
 * becomes one or two edits (Slack allows about one message write per second per channel) and probes never wait on
 * Slack.
 */
final class SlackProgress implements Consumer<CaseEvent> {
    private final SlackApi api;
    private final SlackBlocks blocks;
    private final Executor worker;
    private final String channel;
    private final String ts;
    private final Optional<String> host;
    private final List<ProbeOutcome> finished = new ArrayList<>();
    private Optional<String> running = Optional.empty();
    private boolean done;
    private boolean dirty;
    private boolean editing;
    private AutoCloseable subscription = () -> { };

    /** @param ts the progress message, already posted */
    SlackProgress(SlackApi api, SlackBlocks blocks, Executor worker, String channel, String ts,
            Optional<String> host) {
        this.api = api;
        this.blocks = blocks;
        this.worker = worker;
        this.channel = channel;
        this.ts = ts;
        this.host = host;
    }

    synchronized void subscribed(AutoCloseable handle) {
        this.subscription = handle;
        if (done) {
            close();
        }
    }

    @Override
    public void accept(CaseEvent event) {
        synchronized (this) {
            if (done) {
                return;
            }
            if (event instanceof CaseEvent.StepStarted started) {
                running = Optional.of(started.step());
            } else if (event instanceof CaseEvent.StepFinished step) {
                finished.add(step.outcome());
                running = Optional.empty();
            } else if (event instanceof CaseEvent.Idle) {
                done = true;
                running = Optional.empty();
                close();
            } else {
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
            SlackMessage message;
            synchronized (this) {
                if (!dirty) {
                    editing = false;
                    return;
                }
                dirty = false;
                message = blocks.progress(host, List.copyOf(finished), running, done);
            }
            api.update(channel, ts, message);
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
