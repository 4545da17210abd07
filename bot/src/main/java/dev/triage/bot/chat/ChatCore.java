package dev.triage.bot.chat;

import dev.triage.bot.conversation.Conversations;
import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.ProbeGateway;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.conversation.TurnOutcome;
import dev.triage.probes.ProbeListener;
import dev.triage.probes.ProbeResult;
import dev.triage.probes.Target;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The conversation core every surface shares. A message is stored and answered at once from its text; a host the
 * case names is probed off the caller's thread, each step published as a {@link CaseEvent}, and the case answered
 * again when the probes end. Surfaces only translate their platform's requests into {@link InboundMessage}s and
 * render replies and events. Thread-safe.
 */
public final class ChatCore {
    private static final Logger LOG = LoggerFactory.getLogger(ChatCore.class);
    /** A rate-limited run is tried again this many times before the case waits for the user's next message. */
    private static final int MAX_ATTEMPTS = 3;
    /** The longest one instance follows another's run, however often that run's claim is renewed. */
    private static final Duration FOLLOW_AT_MOST = Duration.ofMinutes(3);
    // How often an instance looks for the stored results of a run another instance is making.
    private static final Duration FOLLOW_EVERY = Duration.ofMillis(300);

    private final Conversations conversations;
    private final ProbeGateway probes;
    private final CaseEvents events;
    private final ExecutorService probeRunner;
    private final ScheduledExecutorService retries;
    private final Map<String, CompletableFuture<Reply>> inFlight = new ConcurrentHashMap<>();
    private final TurnObserver observer;
    private final AtomicInteger turning = new AtomicInteger();
    private final ClaimLease lease;

    /**
     * @param probeRunner runs probe runs; its size bounds how many run at once (each run also uses the prober's
     *                    own threads), and its queue holds the rest
     * @param retries     schedules a rate-limited run for when it is allowed again
     */
    public ChatCore(Conversations conversations, ProbeGateway probes, CaseEvents events, ExecutorService probeRunner,
            ScheduledExecutorService retries) {
        this(conversations, probes, events, probeRunner, retries, TurnObserver.NONE);
    }

    /** @param observer learns of every turn and probe step, for metrics */
    public ChatCore(Conversations conversations, ProbeGateway probes, CaseEvents events, ExecutorService probeRunner,
            ScheduledExecutorService retries, TurnObserver observer) {
        this(conversations, probes, events, probeRunner, retries, observer, ClaimLease.STANDARD);
    }

    ChatCore(Conversations conversations, ProbeGateway probes, CaseEvents events, ExecutorService probeRunner,
            ScheduledExecutorService retries, TurnObserver observer, ClaimLease lease) {
        this.lease = lease;
        this.observer = observer;
        this.conversations = conversations;
        this.probes = probes;
        this.events = events;
        this.probeRunner = probeRunner;
        this.retries = retries;
    }

    /**
     * What came of one message, and the reply the case settles on: the same reply when nothing runs, the re-ranked
     * one when probes ran.
     */
    public record Turn(TurnOutcome outcome, CompletableFuture<Optional<Reply>> settled) {
    }

    /** Stores and answers one message; starts probes when the case names a host not probed yet. */
    public Turn handle(InboundMessage message) {
        long start = System.nanoTime();
        turning.incrementAndGet();
        TurnOutcome outcome = null;
        // The log lines of this turn name its surface and case (the JSON format makes them fields).
        MDC.put("surface", message.who().surface().name().toLowerCase(java.util.Locale.ROOT));
        message.caseId().ifPresent(id -> MDC.put("case", id));
        try {
            outcome = dispatch(message);
            return withProbes(outcome, message);
        } finally {
            MDC.remove("surface");
            MDC.remove("case");
            turning.decrementAndGet();
            observer.turnEnded(outcome == null ? "failed" : outcome.getClass().getSimpleName()
                    .toLowerCase(java.util.Locale.ROOT), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Whether a turn or a probe run is going on here: a graceful shutdown waits for them. */
    public boolean busy() {
        return turning.get() > 0 || !inFlight.isEmpty();
    }

    /** The turn's reply, with the probe run it started or joined. */
    private Turn withProbes(TurnOutcome outcome, InboundMessage message) {
        if (!(outcome instanceof TurnOutcome.Replied replied)) {
            return new Turn(outcome, CompletableFuture.completedFuture(Optional.empty()));
        }
        String caseId = replied.reply().caseId().orElseThrow();
        CompletableFuture<Reply> running = replied.probeHost()
                .map(host -> probe(caseId, host, message.who()))
                .orElseGet(() -> inFlight.get(caseId));
        if (running == null) {
            return new Turn(outcome, CompletableFuture.completedFuture(Optional.of(replied.reply())));
        }
        Reply shown = replied.reply().withProbing(true);
        return new Turn(new TurnOutcome.Replied(shown, replied.probeHost()), running.thenApply(Optional::of));
    }

    public Conversations conversations() {
        return conversations;
    }

    public CaseEvents events() {
        return events;
    }

    /** Whether a probe run is going on for the case on this instance. */
    public boolean probing(String caseId) {
        return inFlight.containsKey(caseId);
    }

    private TurnOutcome dispatch(InboundMessage message) {
        Identity who = message.who();
        if (message.content() instanceof InboundMessage.Content.Answer answer) {
            return conversations.answer(message.caseId().orElseThrow(), who, answer.questionId(), answer.value());
        }
        String text = ((InboundMessage.Content.Text) message.content()).text();
        return message.caseId().map(id -> conversations.say(id, who, text))
                .orElseGet(() -> conversations.open(who, text));
    }

    /**
     * Starts a probe run for the case unless one is already going on, here or on another instance sharing the
     * database (then this instance follows that run); returns its eventual reply.
     */
    private CompletableFuture<Reply> probe(String caseId, String host, Identity who) {
        CompletableFuture<Reply> fresh = new CompletableFuture<>();
        CompletableFuture<Reply> existing = inFlight.putIfAbsent(caseId, fresh);
        if (existing != null) {
            return existing;
        }
        events.runStarted(caseId);
        if (claimed(caseId, host)) {
            keepClaim(caseId, host, fresh);
            submit(caseId, host, who, fresh, 1, Duration.ZERO);
        } else {
            follow(caseId, host, fresh, Instant.now().plus(FOLLOW_AT_MOST));
        }
        return fresh;
    }

    /**
     * When another instance is probing the case, follows that run so this instance's subscribers (a browser whose
     * event stream landed here) receive its results.
     */
    public void followRunElsewhere(String caseId) {
        if (inFlight.containsKey(caseId)) {
            return;
        }
        conversations.probingElsewhere(caseId, lease.lease()).ifPresent(host -> {
            CompletableFuture<Reply> fresh = new CompletableFuture<>();
            if (inFlight.putIfAbsent(caseId, fresh) == null) {
                events.runStarted(caseId);
                follow(caseId, host, fresh, Instant.now().plus(FOLLOW_AT_MOST));
            }
        });
    }

    private boolean claimed(String caseId, String host) {
        try {
            return conversations.claimProbe(caseId, host, lease.lease());
        } catch (RuntimeException e) {
            LOG.warn("could not claim the probing of case {}; probing here: {}", caseId, e);
            return true;
        }
    }

    /** Renews the claim until the run ends, however it ends. */
    private void keepClaim(String caseId, String host, CompletableFuture<Reply> done) {
        try {
            ScheduledFuture<?> renewal = retries.scheduleWithFixedDelay(() -> renew(caseId, host),
                    lease.renewEvery().toMillis(), lease.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
            done.whenComplete((reply, failure) -> renewal.cancel(false));
        } catch (RejectedExecutionException e) {
            // Shutting down: submit() refuses the run as well and releases the claim.
        }
    }

    private void renew(String caseId, String host) {
        try {
            if (!conversations.renewProbe(caseId, host)) {
                LOG.debug("the probe claim of case {} was gone when renewed", caseId);
            }
        } catch (RuntimeException e) {
            LOG.warn("could not renew the probe claim of case {}", caseId, e);
        }
    }

    /**
     * Waits for another instance's run to be stored, then publishes its steps and the new reply as if it had run
     * here. Ends without them when the other instance gives its claim back or the claim goes stale.
     */
    private void follow(String caseId, String host, CompletableFuture<Reply> done, Instant until) {
        follow(caseId, host, done, until, List.of());
    }

    /** {@link #follow}, with the run's steps published here so far (read from its stored progress). */
    private void follow(String caseId, String host, CompletableFuture<Reply> done, Instant until,
            List<ProbeOutcome> shown) {
        try {
            Optional<List<ProbeOutcome>> steps = conversations.storedRun(caseId, host);
            if (steps.isPresent()) {
                // By name: a stored step may say more than the one published as it ended (a reverse lookup).
                List<String> shownNames = shown.stream().map(ProbeOutcome::name).toList();
                steps.get().stream().filter(step -> !shownNames.contains(step.name()))
                        .forEach(step -> events.publish(new CaseEvent.StepFinished(caseId, step)));
                Optional<Reply> reply = conversations.current(caseId);
                inFlight.remove(caseId, done);
                reply.ifPresent(r -> events.publish(new CaseEvent.Rediagnosed(caseId, r)));
                events.publish(new CaseEvent.Idle(caseId));
                reply.ifPresentOrElse(done::complete,
                        () -> done.completeExceptionally(new IllegalStateException("case " + caseId + " is gone")));
                return;
            }
            if (Instant.now().isAfter(until) || conversations.probingElsewhere(caseId, lease.lease()).isEmpty()) {
                finish(caseId, done, "the other instance's run ended without results");
                return;
            }
            List<ProbeOutcome> more = conversations.probeStepsSoFar(caseId, host, shown.size());
            more.forEach(step -> events.publish(new CaseEvent.StepFinished(caseId, step)));
            List<ProbeOutcome> nowShown = java.util.stream.Stream.concat(shown.stream(), more.stream()).toList();
            retries.schedule(() -> follow(caseId, host, done, until, nowShown), FOLLOW_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            finish(caseId, done, "the server is shutting down");
        } catch (RuntimeException e) {
            LOG.error("following the probe run of case {} failed", caseId, e);
            finish(caseId, done, "following failed");
        }
    }

    private void submit(String caseId, String host, Identity who, CompletableFuture<Reply> done, int attempt,
            Duration delay) {
        try {
            if (delay.isZero()) {
                probeRunner.execute(() -> runProbes(caseId, host, who, done, attempt));
            } else {
                retries.schedule(() -> submit(caseId, host, who, done, attempt, Duration.ZERO), delay.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            release(caseId, host);
            finish(caseId, done, "the server is shutting down");
        }
    }

    /** Gives the claim back after a run that stored nothing, so the next message may probe again. */
    private void release(String caseId, String host) {
        try {
            conversations.releaseProbe(caseId, host);
        } catch (RuntimeException e) {
            LOG.warn("could not release the probing of case {}: {}", caseId, e);
        }
    }

    private void runProbes(String caseId, String host, Identity who, CompletableFuture<Reply> done, int attempt) {
        try (MDC.MDCCloseable logged = MDC.putCloseable("case", caseId)) {
            ProbeGateway.ProbeRun run = probes.run(host, who, Optional.of(caseId), listener(caseId, host));
            run.steps().forEach(step -> observer.probeStepEnded(step.name(), step.status()));
            if (run.rateLimited()) {
                run.steps().forEach(step -> events.publish(new CaseEvent.StepFinished(caseId, step)));
                if (attempt < MAX_ATTEMPTS) {
                    submit(caseId, host, who, done, attempt + 1, run.retryAfter().orElseThrow());
                    return;
                }
                release(caseId, host);
                finish(caseId, done, "rate limited " + attempt + " times");
                return;
            }
            if (run.steps().size() == 1 && run.steps().get(0).name().equals("policy")) {
                events.publish(new CaseEvent.StepFinished(caseId, run.steps().get(0)));
            }
            TurnOutcome outcome = conversations.recordProbeRun(caseId, run);
            if (outcome instanceof TurnOutcome.Replied replied) {
                inFlight.remove(caseId, done);
                events.publish(new CaseEvent.Rediagnosed(caseId, replied.reply()));
                events.publish(new CaseEvent.Idle(caseId));
                done.complete(replied.reply());
                return;
            }
            release(caseId, host);
            finish(caseId, done, "the case could not take the probe results: " + outcome);
        } catch (RuntimeException e) {
            LOG.error("probing {} for case {} failed", host, caseId, e);
            release(caseId, host);
            finish(caseId, done, "probing failed");
        }
    }

    /** Ends a run that produced no new reply: subscribers learn that nothing runs, waiters get the text reply. */
    private void finish(String caseId, CompletableFuture<Reply> done, String why) {
        LOG.debug("probe run for case {} ended without new findings: {}", caseId, why);
        inFlight.remove(caseId, done);
        events.publish(new CaseEvent.Idle(caseId));
        try {
            conversations.current(caseId).ifPresentOrElse(done::complete,
                    () -> done.completeExceptionally(new IllegalStateException("case " + caseId + " is gone")));
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    /** Publishes the run's steps here, and stores each finished one for instances following the run. */
    private ProbeListener listener(String caseId, String host) {
        AtomicInteger finished = new AtomicInteger();
        return new ProbeListener() {
            @Override
            public void stepStarted(Target target, String step) {
                events.publish(new CaseEvent.StepStarted(caseId, step));
            }

            @Override
            public void stepFinished(Target target, ProbeResult result) {
                ProbeOutcome step = ProbeOutcome.of(result);
                events.publish(new CaseEvent.StepFinished(caseId, step));
                try {
                    conversations.recordProbeStep(caseId, host, finished.getAndIncrement(), step);
                } catch (RuntimeException e) {
                    // Followers then see the steps when the run is stored, as before; the run itself goes on.
                    LOG.warn("could not store a probe step of case {}: {}", caseId, e);
                }
            }
        };
    }
}
