package dev.triage.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** One pool for every platform's work: the platforms take turns, a failure stops nothing, close drops the rest. */
class TurnWorkersTest {
    @Test
    void platformsTakeTurnsSoABurstOnOneDoesNotHoldUpAnother() throws Exception {
        try (TurnWorkers workers = new TurnWorkers(1)) {
            Executor slack = workers.queueFor("slack");
            Executor teams = workers.queueFor("teams");
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            slack.execute(() -> {
                started.countDown();
                await(busy);
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            List<String> order = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(5);
            for (int i = 1; i <= 3; i++) {
                String name = "slack-" + i;
                slack.execute(() -> record(order, name, done));
            }
            for (int i = 1; i <= 2; i++) {
                String name = "teams-" + i;
                teams.execute(() -> record(order, name, done));
            }
            busy.countDown();

            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("teams-1", "slack-1", "teams-2", "slack-2", "slack-3");
        }
    }

    @Test
    void aFailingPieceOfWorkIsLoggedAndTheWorkerCarriesOn() throws Exception {
        try (TurnWorkers workers = new TurnWorkers(1)) {
            Executor discord = workers.queueFor("discord");
            CountDownLatch after = new CountDownLatch(1);
            discord.execute(() -> {
                throw new IllegalStateException("a bug in one conversation");
            });
            discord.execute(after::countDown);

            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeWaitsForTheRunningWorkToStopSoItDoesNotOutliveTheStore() throws Exception {
        AtomicBoolean finished = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        TurnWorkers workers = new TurnWorkers(1);
        workers.queueFor("slack").execute(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                pause(200);
                finished.set(true);
                throw new IllegalStateException("the store is closed", e);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        workers.close();

        assertThat(finished).isTrue();
    }

    @Test
    void workQueuedAfterCloseIsDroppedWithoutThrowingAtTheRequestThread() throws Exception {
        TurnWorkers workers = new TurnWorkers(2);
        Executor slack = workers.queueFor("slack");
        workers.close();
        AtomicBoolean ran = new AtomicBoolean();

        slack.execute(() -> ran.set(true));
        Thread.sleep(100);

        assertThat(ran).isFalse();
    }

    @Test
    void aPlatformsWorkRunsOneAtATimeInTheOrderItWasQueuedWhateverTheThreads() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        try (TurnWorkers workers = new TurnWorkers(4)) {
            Executor teams = workers.queueFor("teams");
            CountDownLatch done = new CountDownLatch(20);
            for (int i = 0; i < 20; i++) {
                int n = i;
                teams.execute(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(n);
                    running.decrementAndGet();
                    done.countDown();
                });
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(most.get()).isEqualTo(1);
        assertThat(order).isSorted().hasSize(20);
    }

    @Test
    void aCoreIsLeftForTheAcknowledgements() {
        assertThat(TurnWorkers.leavingACore(1)).isEqualTo(1);
        assertThat(TurnWorkers.leavingACore(2)).isEqualTo(1);
        assertThat(TurnWorkers.leavingACore(8)).isEqualTo(7);
    }

    private static void record(List<String> order, String name, CountDownLatch done) {
        order.add(name);
        done.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
