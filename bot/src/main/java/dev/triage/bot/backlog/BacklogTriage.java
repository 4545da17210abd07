package dev.triage.bot.backlog;

import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.TurnOutcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Diagnoses a backlog's tickets on several threads and hands the results on in input order. Backlogs repeat
 * themselves (the same error dialog pasted by many users), so a text is diagnosed once and its reply reused for
 * every ticket with the same text. Not for concurrent use by two runs; one instance per run.
 */
public final class BacklogTriage {
    // Cached texts are bounded so a huge backlog of distinct texts cannot fill the heap with replies.
    private static final int CACHED_TEXTS = 50_000;
    private static final int CACHED_TEXT_CHARS = 16_384;
    // Tickets submitted ahead of the one being written: enough to keep every thread busy behind a slow ticket.
    private static final int AHEAD_PER_THREAD = 64;

    private final Conversations conversations;
    private final boolean probe;
    private final int threads;
    private final boolean questions;
    private final Map<String, Outcome> cache = new ConcurrentHashMap<>();
    private final Queue<Long> diagnosisNanos = new ConcurrentLinkedQueue<>();

    /** Progress of a run, reported from the thread that called {@link #run}, once per ticket handed on. */
    public interface Progress {
        Progress NONE = (done, total) -> {
        };

        void update(int done, int total);
    }

    /**
     * @param probe   whether a ticket that names a host gets probed (through the conversations' audited gateway)
     * @param threads how many tickets are diagnosed at once; the number of cores is right for a run without probes
     */
    public BacklogTriage(Conversations conversations, boolean probe, int threads) {
        this(conversations, probe, threads, true);
    }

    /**
     * @param questions whether the replies need their follow-up questions; a row ({@link BacklogRow}) shows none,
     *                  and leaving them out skips question planning, a good part of a diagnosis's cost
     */
    public BacklogTriage(Conversations conversations, boolean probe, int threads, boolean questions) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.conversations = conversations;
        this.probe = probe;
        this.threads = threads;
        this.questions = questions;
    }

    /** Diagnoses every ticket and gives each result to {@code out}, in the order of {@code tickets}. */
    public void run(List<Ticket> tickets, Consumer<Diagnosed> out, Progress progress) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "triage-backlog-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            Deque<CompletableFuture<Diagnosed>> pending = new ArrayDeque<>();
            int next = 0;
            for (int done = 0; done < tickets.size(); done++) {
                while (next < tickets.size() && pending.size() < threads * AHEAD_PER_THREAD) {
                    Ticket ticket = tickets.get(next++);
                    pending.add(CompletableFuture.supplyAsync(() -> diagnose(ticket), pool));
                }
                out.accept(pending.poll().join());
                progress.update(done + 1, tickets.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many distinct texts were diagnosed (the rest reused a reply). */
    public int distinctTexts() {
        return cache.size();
    }

    /**
     * The time one diagnosis of a new text took at the {@code percentile} (0..100) over this run, in milliseconds;
     * tickets whose text was diagnosed before are not counted (they cost a map lookup). 0 before any diagnosis.
     */
    public double diagnosisMillis(double percentile) {
        long[] sorted = diagnosisNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private Diagnosed diagnose(Ticket ticket) {
        Outcome outcome = cache.get(ticket.text());
        if (outcome == null) {
            long started = System.nanoTime();
            outcome = outcome(ticket.text());
            diagnosisNanos.add(System.nanoTime() - started);
            if (ticket.text().length() <= CACHED_TEXT_CHARS && cache.size() < CACHED_TEXTS) {
                cache.putIfAbsent(ticket.text(), outcome);
            }
        }
        return new Diagnosed(ticket, outcome.reply(), outcome.error());
    }

    private Outcome outcome(String text) {
        try {
            TurnOutcome outcome = conversations.oneShot(text, Map.of(), Optional.empty(), probe, Identity.cli(), questions);
            if (outcome instanceof TurnOutcome.Replied replied) {
                return new Outcome(Optional.of(replied.reply()), Optional.empty());
            }
            return new Outcome(Optional.empty(), Optional.of(outcome instanceof TurnOutcome.Rejected r ? r.message()
                    : "internal: no reply"));
        } catch (RuntimeException e) {
            // One ticket that trips a bug must not end a run of thousands; the row says what happened.
            return new Outcome(Optional.empty(), Optional.of("internal error: " + e.getClass().getSimpleName()));
        }
    }

    private record Outcome(Optional<Reply> reply, Optional<String> error) {
    }
}
