package dev.triage.bot.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.store.Appended;
import dev.triage.bot.store.CaseLimits;
import dev.triage.bot.store.CaseListing;
import dev.triage.bot.store.CaseStore;
import dev.triage.bot.store.CaseStore.NewFact;
import dev.triage.bot.store.CaseSummary;
import dev.triage.bot.store.StoredCase;
import dev.triage.knowledge.Article;
import dev.triage.probes.Target;
import dev.triage.rules.Question;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform-free conversation service. Every turn stores the user's input as facts first, then answers from the
 * case's facts, folded onto a cached snapshot so a turn reads only what is new. Probing is the caller's: a turn says
 * which host it wants probed, and {@link #recordProbeRun} stores the result and answers again.
 */
public final class Conversations {
    /** At most this many probe runs are stored per case: enough to follow a user through a few hosts. */
    static final int MAX_PROBE_RUNS = 5;
    // A typed reply this short, on one line, was most likely meant as an answer to the question just asked.
    private static final int ANSWER_LIKE_CHARS = 40;
    private static final int ANSWER_LIKE_WORDS = 5;
    private static final int OPTION_LABEL_CHARS = 100;
    private static final java.util.regex.Pattern ERROR_CODE =
            java.util.regex.Pattern.compile("(?i:\\b0x[0-9a-f]{1,8}\\b)|\\b[A-Z]+_[A-Z_]{3,}\\b");

    private final CaseStore store;
    private final TurnEngine engine;
    private final ProbeGateway probes;
    private final FactCodec codec;
    private final CaseLimits limits;
    private final CaseSnapshots snapshots = new CaseSnapshots(10_000);
    private final FixTallies tallies;

    public Conversations(CaseStore store, TurnEngine engine, ProbeGateway probes, ObjectMapper json,
            CaseLimits limits) {
        this.store = store;
        this.engine = engine;
        this.probes = probes;
        this.codec = new FactCodec(json);
        this.limits = limits;
        this.tallies = new FixTallies(store);
    }

    /** Opens a case with the user's first paste. */
    public TurnOutcome open(Identity who, String text) {
        Optional<String> problem = PasteCheck.problem(text);
        if (problem.isPresent()) {
            return new TurnOutcome.Rejected(problem.get());
        }
        StoredCase created = store.create(who.surface().id());
        return turn(created.id(), List.of(codec.message(text)), Optional.empty());
    }

    /**
     * The user wrote or pasted more text into the case. A short reply that fits the question just asked is its
     * answer; a lone host name or address names the computer to connect to; a short reply that fits neither is kept
     * as text, and the reply lists the options.
     */
    public TurnOutcome say(String caseId, Identity who, String text) {
        Optional<String> problem = PasteCheck.problem(text);
        if (problem.isPresent()) {
            return new TurnOutcome.Rejected(problem.get());
        }
        if (answerLike(text)) {
            Optional<Question> pending = pendingQuestion(caseId).filter(q -> !q.freeText());
            AnswerMatcher.Match match = pending.map(q -> AnswerMatcher.match(q, text)).orElse(null);
            if (match instanceof AnswerMatcher.Match.Matched matched) {
                return answer(caseId, who, pending.get().id(), matched.value());
            }
            if (hostLike(text)) {
                return answer(caseId, who, AnswerCheck.TARGET_HOST, text.strip());
            }
            if (match instanceof AnswerMatcher.Match.NoFit noFit) {
                return turn(caseId, List.of(codec.message(text)), Optional.of(noFit.message()));
            }
        } else if (labelLike(text)) {
            // Some options have long labels ("Windows Server (one admin, or a Remote Desktop Session Host)"), which
            // people copy as their answer; only such a label itself answers, a longer line stays text.
            Optional<Question> pending = pendingQuestion(caseId).filter(q -> !q.freeText());
            AnswerMatcher.Match match = pending.map(q -> AnswerMatcher.match(q, text)).orElse(null);
            if (match instanceof AnswerMatcher.Match.Matched matched) {
                return answer(caseId, who, pending.get().id(), matched.value());
            }
        }
        return turn(caseId, List.of(codec.message(text)), Optional.empty());
    }

    /** The user answered a follow-up question, by its option value or in words that fit one option. */
    public TurnOutcome answer(String caseId, Identity who, String questionId, String value) {
        Optional<String> canonical = canonicalAnswer(questionId, value);
        if (canonical.isEmpty()) {
            return new TurnOutcome.Rejected(AnswerCheck.problem(engine.diagnoser(), questionId, value)
                    .orElse("That answer does not fit the question."));
        }
        List<NewFact> facts = new ArrayList<>();
        facts.add(codec.answer(questionId.strip(), canonical.get()));
        if (AnswerCheck.TARGET_HOST.equals(questionId.strip())) {
            facts.add(codec.host(canonical.get()));
        }
        return turn(caseId, facts, Optional.empty());
    }

    /** The user says whether a step of a fix worked; returns that step's tally across all cases. */
    public FeedbackOutcome feedback(String caseId, Identity who, String articleId, int step, boolean worked) {
        Optional<Article> article = engine.knowledge().article(articleId);
        if (article.isEmpty() || step < 0 || step >= article.get().fixes().size()) {
            return new FeedbackOutcome.Rejected("There is no step " + step + " in the fixes of '" + articleId + "'.");
        }
        Appended appended = store.append(caseId, List.of(codec.feedback(articleId, step, worked)), limits);
        if (appended instanceof Appended.NoSuchCase) {
            return new FeedbackOutcome.NoSuchCase(caseId);
        }
        if (appended instanceof Appended.Full full) {
            return new FeedbackOutcome.Rejected(full.message());
        }
        store.recordFeedback(caseId, articleId, step, worked);
        tallies.changed(articleId);
        return new FeedbackOutcome.Recorded(tallies.of(List.of(articleId)).getOrDefault(articleId + "#" + step,
                Reply.Tally.NONE));
    }

    /** What came of {@link #feedback}. */
    public sealed interface FeedbackOutcome {
        record Recorded(Reply.Tally tally) implements FeedbackOutcome {
        }

        record Rejected(String message) implements FeedbackOutcome {
        }

        record NoSuchCase(String caseId) implements FeedbackOutcome {
        }
    }

    /**
     * Stores a probe run the caller made for this case and answers again with its findings. A run refused by a rate
     * limit says nothing about the host, so it is not stored; the reply is the text-only one.
     */
    public TurnOutcome recordProbeRun(String caseId, ProbeGateway.ProbeRun run) {
        if (run.rateLimited() || run.steps().isEmpty()) {
            return current(caseId).<TurnOutcome>map(TurnOutcome.Replied::new)
                    .orElse(new TurnOutcome.NoSuchCase(caseId));
        }
        return turn(caseId, List.of(codec.probeRun(run)), Optional.empty());
    }

    /**
     * Claims the probing of {@code host} in the case for this instance; false when another turn, here or on another
     * instance sharing the store, claimed it within {@code staleAfter}.
     */
    public boolean claimProbe(String caseId, String host, Duration staleAfter) {
        return store.claimProbe(caseId, host, staleAfter);
    }

    /** Keeps this instance's claim alive while its run goes on; false when the claim is gone. */
    public boolean renewProbe(String caseId, String host) {
        return store.renewProbe(caseId, host);
    }

    /** Stores step number {@code seq} of this instance's run as it ends, for instances following the run. */
    public void recordProbeStep(String caseId, String host, int seq, ProbeOutcome step) {
        store.recordProbeStep(caseId, host, seq, codec.step(step));
    }

    /** The steps of the host's current run (on any instance) stored so far, from number {@code from} on. */
    public List<ProbeOutcome> probeStepsSoFar(String caseId, String host, int from) {
        return store.probeSteps(caseId, host, from).stream().map(codec::step).toList();
    }

    /** Gives back a claim whose run stored nothing, so a later message may probe the host again. */
    public void releaseProbe(String caseId, String host) {
        store.releaseProbe(caseId, host);
    }

    /** A host some instance claimed for the case within {@code staleAfter} and whose run is not stored yet. */
    public Optional<String> probingElsewhere(String caseId, Duration staleAfter) {
        List<String> claimed = store.probeClaims(caseId, staleAfter);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> probed = refreshed(caseId).map(e -> e.snapshot().probedTargets()).orElse(Set.of());
        return claimed.stream().filter(host -> !probed.contains(host)).findFirst();
    }

    /** The steps of the case's latest probe run, once a run for {@code host} is stored (by any instance). */
    public Optional<List<ProbeOutcome>> storedRun(String caseId, String host) {
        return refreshed(caseId).map(CaseSnapshots.Entry::snapshot).filter(s -> s.probedTargets().contains(host))
                .map(CaseSnapshot::probes);
    }

    /** The case as it stands, with the reply recomputed from its facts. */
    public Optional<CaseView> view(String caseId) {
        return store.find(caseId).map(c -> {
            CaseState state = codec.state(c.facts());
            return new CaseView(c, state, withTallies(engine.reply(state).withCaseId(c.id())));
        });
    }

    /** Whether there is such a case; cheap for a case that was active recently. */
    public boolean exists(String caseId) {
        return refreshed(caseId).isPresent();
    }

    /** The reply the case gives now, without storing anything. */
    public Optional<Reply> current(String caseId) {
        return refreshed(caseId).map(entry -> withTallies(engine.reply(entry.snapshot().state()).withCaseId(caseId)));
    }

    /**
     * What the user pasted or typed that the case still reads (its first paste and latest messages, as the rules
     * see them); empty for no such case. Cheap: it reads only facts newer than the cached snapshot.
     */
    public List<String> texts(String caseId) {
        return refreshed(caseId).map(entry -> entry.snapshot().state().texts()).orElse(List.of());
    }

    /** Stored cases newest first, matching every word of {@code query} (blank: all); see {@link CaseStore#recentCases}. */
    public List<CaseListing> cases(String query, int offset, int limit) {
        return store.recentCases(query, offset, limit);
    }

    /** A diagnosis that is not stored: the command line's {@code diagnose} and {@code POST /api/diagnose}. */
    public TurnOutcome oneShot(
            String text, Map<String, String> answers, Optional<String> host, boolean probe, Identity who) {
        return oneShot(text, answers, host, probe, who, true);
    }

    /** As above; with {@code questions} false the reply has no follow-up questions and none are planned (batch). */
    public TurnOutcome oneShot(String text, Map<String, String> answers, Optional<String> host, boolean probe,
            Identity who, boolean questions) {
        Optional<String> problem = PasteCheck.problem(text);
        if (problem.isPresent()) {
            return new TurnOutcome.Rejected(problem.get());
        }
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            Optional<String> bad = AnswerCheck.problem(engine.diagnoser(), answer.getKey(), answer.getValue());
            if (bad.isPresent()) {
                return new TurnOutcome.Rejected(bad.get());
            }
        }
        CaseState initial = new CaseState(List.of(text), answers, host, List.of());
        Optional<String> target = initial.host().or(() -> HostExtractor.find(initial.texts()));
        List<ProbeOutcome> steps = target.filter(t -> probe)
                .map(t -> probes.run(t, who, Optional.empty()).steps()).orElse(List.of());
        Optional<ProbeOutcome> invalid = host.flatMap(h -> steps.stream()
                .filter(s -> s.status().equals("INVALID")).findFirst());
        if (invalid.isPresent()) {
            // The caller named a host that is none (audited by the gateway): a bad request, not a diagnosis.
            return new TurnOutcome.Rejected("'host' is " + invalid.get().summary());
        }
        CaseState state = new CaseState(initial.texts(), answers, target, steps);
        return new TurnOutcome.Replied(engine.reply(state, questions));
    }

    /** Public for the command line, which checks {@code --answer} before anything runs. */
    public Optional<String> answerProblem(String questionId, String value) {
        return AnswerCheck.problem(engine.diagnoser(), questionId, value);
    }

    /** The question catalog, for help texts. */
    public List<Question> questions() {
        return engine.diagnoser().questions();
    }

    /** A stored case, what it knows, and the reply its facts give now. */
    public record CaseView(StoredCase stored, CaseState state, Reply reply) {
    }

    private TurnOutcome turn(String caseId, List<NewFact> input, Optional<String> message) {
        Appended appended = store.append(caseId, input, limits);
        if (appended instanceof Appended.NoSuchCase) {
            return new TurnOutcome.NoSuchCase(caseId);
        }
        if (appended instanceof Appended.Full full) {
            return new TurnOutcome.CaseFull(caseId, full.message()
                    + " Nothing more was added to it. Start a new case for a new problem, and mention case " + caseId
                    + " in it if it continues this one.");
        }
        Appended.Stored stored = (Appended.Stored) appended;
        // The summary this instance last wrote is still the stored one only if no other turn wrote in between.
        Optional<CaseSummary> known = snapshots.get(caseId)
                .filter(e -> e.snapshot().lastSeq() == stored.lastSeq() - input.size())
                .flatMap(CaseSnapshots.Entry::summarised);
        Optional<CaseSnapshots.Entry> entry = refreshed(caseId);
        if (entry.isEmpty()) {
            return new TurnOutcome.NoSuchCase(caseId);
        }
        CaseSnapshot snapshot = entry.get().snapshot();
        CaseState state = snapshot.state();
        Reply reply = engine.reply(state).withCaseId(caseId);
        CaseSummary summary = CaseDigest.of(state, reply);
        if (!known.equals(Optional.of(summary)) || snapshot.lastSeq() != stored.lastSeq()) {
            store.summarise(caseId, summary); // what GET /cases lists and searches
        }
        snapshots.put(caseId, new CaseSnapshots.Entry(snapshot, reply.questions().stream().findFirst(),
                Optional.of(summary)));
        reply = withTallies(reply);
        return new TurnOutcome.Replied(message.map(reply::withMessage).orElse(reply), probeWanted(snapshot, state));
    }

    /** The case's snapshot with every stored fact folded in; empty for an unknown case. */
    private Optional<CaseSnapshots.Entry> refreshed(String caseId) {
        CaseSnapshots.Entry cached = snapshots.get(caseId).orElse(new CaseSnapshots.Entry(CaseSnapshot.empty()));
        var newer = store.factsAfter(caseId, cached.snapshot().lastSeq());
        if (newer.isEmpty()) {
            return cached.snapshot().lastSeq() < 0 ? Optional.empty() : Optional.of(cached);
        }
        // Another instance may have written these facts and the case's summary with them: forget the one we wrote.
        CaseSnapshots.Entry entry = new CaseSnapshots.Entry(codec.fold(cached.snapshot(), newer));
        snapshots.put(caseId, entry);
        return Optional.of(entry);
    }

    private Optional<Question> pendingQuestion(String caseId) {
        Optional<CaseSnapshots.Entry> entry = refreshed(caseId);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (entry.get().pending().isPresent()) {
            return entry.get().pending();
        }
        Optional<Question> first = engine.reply(entry.get().snapshot().state()).questions().stream().findFirst();
        snapshots.put(caseId, new CaseSnapshots.Entry(entry.get().snapshot(), first, entry.get().summarised()));
        return first;
    }

    private Optional<String> probeWanted(CaseSnapshot snapshot, CaseState state) {
        Optional<String> host = state.host();
        boolean fresh = host.isPresent() && !snapshot.probedTargets().contains(host.get());
        return fresh && snapshot.probedTargets().size() < MAX_PROBE_RUNS ? host : Optional.empty();
    }

    private Optional<String> canonicalAnswer(String questionId, String value) {
        if (AnswerCheck.problem(engine.diagnoser(), questionId, value).isEmpty()) {
            return Optional.of(value.strip());
        }
        Optional<Question> question = engine.diagnoser().question(questionId == null ? "" : questionId.strip());
        if (question.isEmpty() || question.get().freeText() || value == null) {
            return Optional.empty();
        }
        return AnswerMatcher.match(question.get(), value) instanceof AnswerMatcher.Match.Matched m
                ? Optional.of(m.value()) : Optional.empty();
    }

    /**
     * A lone word that reads as a host names the computer, whatever was asked: an address, a dotted name, a name
     * with a port, or a single label mixing letters and digits ({@code rdp01}). A bare number is an option's number.
     */
    static boolean hostLike(String text) {
        String t = text.strip();
        boolean shaped = t.matches("[^.\\s]+(\\.[^.\\s]+)+\\.?(:\\d+)?")
                || t.matches("\\[?[0-9a-fA-F:]*:[0-9a-fA-F:.]*\\]?(:\\d+)?")
                || t.matches("[A-Za-z0-9-]+:\\d+") || t.matches("(?=.*[A-Za-z])(?=.*[0-9])[A-Za-z0-9-]+");
        return shaped && Target.parse(t) instanceof Target.Parsed.Valid;
    }

    /** Short, one line, and carrying no error code: a code means the user is adding to the paste, not answering. */
    private static boolean labelLike(String text) {
        String t = text.strip();
        return t.length() <= OPTION_LABEL_CHARS && !t.contains("\n") && !ERROR_CODE.matcher(t).find();
    }

    private static boolean answerLike(String text) {
        String t = text.strip();
        return t.length() <= ANSWER_LIKE_CHARS && !t.contains("\n") && t.split("\\s+").length <= ANSWER_LIKE_WORDS
                && !ERROR_CODE.matcher(t).find();
    }

    private Reply withTallies(Reply reply) {
        if (reply.fixes().isEmpty()) {
            return reply;
        }
        Map<String, Reply.Tally> counted = tallies.of(reply.fixes().stream().map(Reply.Fix::articleId).toList());
        return reply.withTallies((article, step) -> counted.getOrDefault(article + "#" + step, Reply.Tally.NONE));
    }
}
