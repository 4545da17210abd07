package dev.triage.bot.chat;

import dev.triage.bot.conversation.ProbeOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The probe ladder of one run shown as ONE platform message, edited as steps start and finish. Events arrive on probe
 * threads; each only records the step and asks for an edit, which a worker makes with the latest state, so a burst
 * of steps becomes one or two edits (platforms allow about one write per second per conversation) and probes never
 * wait on a platform. Subscribe it to the case's {@link CaseEvents}; it unsubscribes itself when the run ends.
 * A message that shows more than the ladder (the reply above it) asks for edits of its own with {@link #refresh()}
 * and {@link #finish()}, so its edits are coalesced with the ladder's; {@link #stop()} hands the message over.
 */
public final class ProgressLadder implements Consumer<CaseEvent> {
    private final Executor worker;
    private final Consumer<State> edit;
    private final List<ProbeOutcome> finished = new ArrayList<>();
    private Optional<String> running = Optional.empty();
    private boolean done;
    private boolean dirty;
    private boolean editing;
    private boolean stopped;
    private AutoCloseable subscription = () -> { };

    /** What the message shows: the steps finished so far, the one running, and whether the run is over. */
    public record State(List<ProbeOutcome> finished, Optional<String> running, boolean done) {
        public State {
            finished = List.copyOf(finished);
        }
    }

    /**
     * @param worker makes the edits, one at a time
     * @param edit   replaces the platform message with one showing the state (may block on the platform)
     */
    public ProgressLadder(Executor worker, Consumer<State> edit) {
        this.worker = worker;
        this.edit = edit;
    }

    /** Subscribes the ladder to the case's events. */
    public void follow(CaseEvents events, String caseId) {
        AutoCloseable handle = events.subscribe(caseId, this);
        synchronized (this) {
            this.subscription = handle;
            if (done || stopped) {
                close();
            }
        }
    }

    @Override
    public void accept(CaseEvent event) {
        synchronized (this) {
            if (done || stopped) {
                return;
            }
            if (event instanceof CaseEvent.StepStarted started) {
                running = Optional.of(started.step());
            } else if (event instanceof CaseEvent.StepFinished step) {
                finished.add(step.outcome());
                running = Optional.empty();
            } else if (event instanceof CaseEvent.Idle) {
                end();
            } else {
                return;
            }
        }
        request();
    }

    /**
     * Ends the run as {@link CaseEvent.Idle} would, for a caller that learns of the end another way, and edits even
     * if the run had already ended: the caller calls this because what it shows around the ladder changed.
     */
    public void finish() {
        synchronized (this) {
            end();
        }
        request();
    }

    /** Edits though the ladder did not change: nothing is shown yet, or what the message shows around it changed. */
    public void refresh() {
        request();
    }

    /** No more edits, not even one already asked for, and no more events: someone else now owns the message. */
    public void stop() {
        synchronized (this) {
            stopped = true;
            close();
        }
    }

    private void end() {
        done = true;
        running = Optional.empty();
        close();
    }

    private void request() {
        synchronized (this) {
            if (stopped) {
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
            State state;
            synchronized (this) {
                if (!dirty || stopped) {
                    editing = false;
                    return;
                }
                dirty = false;
                state = new State(finished, running, done);
            }
            edit.accept(state);
        }
    }

    /** Closes the subscription at most once, as the run can end by Idle, by finish() and by stop(). */
    private void close() {
        AutoCloseable open = subscription;
        subscription = () -> { };
        try {
            open.close();
        } catch (Exception e) {
            // The subscription only unregisters a listener; there is nothing to clean up after a failure.
        }
    }
}
