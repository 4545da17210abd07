package dev.triage.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.conversation.ProbeOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgressLadderTest {
    private static final String CASE = "c1";

    private final CaseEvents events = new CaseEvents();
    private final Queue<Runnable> pending = new ArrayDeque<>();
    private final Executor worker = pending::add;
    private final List<ProgressLadder.State> edits = new ArrayList<>();
    private final ProgressLadder ladder = new ProgressLadder(worker, edits::add);

    @BeforeEach
    void follow() {
        events.runStarted(CASE);
        ladder.follow(events, CASE);
    }

    @Test
    void aBurstOfStepsBecomesOneEditWithTheLatestState() {
        events.publish(new CaseEvent.StepStarted(CASE, "dns"));
        events.publish(new CaseEvent.StepFinished(CASE, step("dns")));
        events.publish(new CaseEvent.StepStarted(CASE, "tcp"));
        work();

        assertThat(edits).containsExactly(new ProgressLadder.State(List.of(step("dns")), Optional.of("tcp"), false));
    }

    @Test
    void idleShowsTheRunDoneAndUnsubscribes() {
        events.publish(new CaseEvent.StepFinished(CASE, step("dns")));
        events.publish(new CaseEvent.Idle(CASE));
        work();

        assertThat(edits).containsExactly(new ProgressLadder.State(List.of(step("dns")), Optional.empty(), true));
        assertThat(events.subscriberCount()).isZero();
    }

    @Test
    void finishEndsTheRunWithoutIdleAndEditsAgainOnceItHasEnded() {
        events.publish(new CaseEvent.StepStarted(CASE, "dns"));
        ladder.finish();
        work();
        events.publish(new CaseEvent.StepStarted(CASE, "tcp"));
        ladder.finish();
        work();

        ProgressLadder.State over = new ProgressLadder.State(List.of(), Optional.empty(), true);
        assertThat(edits).containsExactly(over, over);
        assertThat(events.subscriberCount()).isZero();
    }

    @Test
    void refreshEditsTheUnchangedState() {
        ladder.refresh();
        work();

        assertThat(edits).containsExactly(new ProgressLadder.State(List.of(), Optional.empty(), false));
    }

    @Test
    void stopDropsAnEditAlreadyAskedForAndAllThatFollow() {
        events.publish(new CaseEvent.StepStarted(CASE, "dns"));
        ladder.stop();
        events.publish(new CaseEvent.StepStarted(CASE, "tcp"));
        ladder.refresh();
        ladder.finish();
        work();

        assertThat(edits).isEmpty();
        assertThat(events.subscriberCount()).isZero();
    }

    @Test
    void aLadderStoppedBeforeItFollowsDoesNotStaySubscribed() {
        CaseEvents other = new CaseEvents();
        other.runStarted(CASE);
        ProgressLadder stopped = new ProgressLadder(worker, edits::add);
        stopped.stop();
        stopped.follow(other, CASE);

        assertThat(other.subscriberCount()).isZero();
    }

    private void work() {
        while (!pending.isEmpty()) {
            pending.remove().run();
        }
    }

    private static ProbeOutcome step(String name) {
        return new ProbeOutcome(name, "OK", true, "", 1, Map.of());
    }
}
