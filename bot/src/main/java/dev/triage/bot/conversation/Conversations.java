package dev.triage.bot.conversation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.store.CaseListing;
import dev.triage.bot.store.CaseStore;
import dev.triage.bot.store.CaseStore.NewFact;
import dev.triage.bot.store.StoredCase;
import dev.triage.rules.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform-free conversation service. Every turn stores the user's input as facts first, then recomputes the
 * whole reply from all facts of the case, so nothing about a conversation lives only in memory.
 */
public final class Conversations {
    private final CaseStore store;
    private final TurnEngine engine;
    private final ProbeGateway probes;
    private final FactCodec codec;

    public Conversations(CaseStore store, TurnEngine engine, ProbeGateway probes, ObjectMapper json) {
        this.store = store;
        this.engine = engine;
        this.probes = probes;
        this.codec = new FactCodec(json);
    }

    /** Opens a case with the user's first paste. */
    public TurnOutcome open(String origin, String actor, String text) {
        Optional<String> problem = PasteCheck.problem(text);
        if (problem.isPresent()) {
            return new TurnOutcome.Rejected(problem.get());
        }
        StoredCase created = store.create(origin);
        return turn(created.id(), actor, List.of(codec.message(text)));
    }

    /** The user wrote or pasted more text into the case. */
    public TurnOutcome say(String caseId, String actor, String text) {
        Optional<String> problem = PasteCheck.problem(text);
        if (problem.isPresent()) {
            return new TurnOutcome.Rejected(problem.get());
        }
        return turn(caseId, actor, List.of(codec.message(text)));
    }

    /** The user answered a follow-up question. */
    public TurnOutcome answer(String caseId, String actor, String questionId, String value) {
        Optional<String> problem = AnswerCheck.problem(engine.diagnoser(), questionId, value);
        if (problem.isPresent()) {
            return new TurnOutcome.Rejected(problem.get());
        }
        List<NewFact> facts = new ArrayList<>();
        facts.add(codec.answer(questionId, value.strip()));
        if (AnswerCheck.TARGET_HOST.equals(questionId)) {
            facts.add(codec.host(value.strip()));
        }
        return turn(caseId, actor, facts);
    }

    /** The case as it stands, with the reply recomputed from its facts. */
    public Optional<CaseView> view(String caseId) {
        return store.find(caseId).map(c -> {
            CaseState state = codec.state(c.facts());
            return new CaseView(c, state, engine.reply(state).withCaseId(c.id()));
        });
    }

    /** Stored cases newest first, matching every word of {@code query} (blank: all); see {@link CaseStore#recentCases}. */
    public List<CaseListing> cases(String query, int offset, int limit) {
        return store.recentCases(query, offset, limit);
    }

    /** A diagnosis that is not stored: the command line's {@code diagnose} and {@code POST /api/diagnose}. */
    public TurnOutcome oneShot(
            String text, Map<String, String> answers, Optional<String> host, boolean probe, String actor) {
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
                .map(t -> probes.run(t, actor, Optional.empty()).steps()).orElse(List.of());
        CaseState state = new CaseState(initial.texts(), answers, target, steps);
        return new TurnOutcome.Replied(engine.reply(state));
    }

    private TurnOutcome turn(String caseId, String actor, List<NewFact> input) {
        Optional<StoredCase> stored = store.append(caseId, input);
        if (stored.isEmpty()) {
            return new TurnOutcome.NoSuchCase(caseId);
        }
        CaseState state = probeIfNew(stored.get(), codec.state(stored.get().facts()), actor);
        Reply reply = engine.reply(state).withCaseId(caseId);
        store.summarise(caseId, CaseDigest.of(state, reply)); // what GET /cases lists and searches
        return new TurnOutcome.Replied(reply);
    }

    /**
     * Probes a host the first time the case names it; the results become facts of the case. Returns the state to
     * reply from: the given one, or the one that includes the new probe run.
     */
    private CaseState probeIfNew(StoredCase current, CaseState state, String actor) {
        Optional<String> host = state.host();
        if (host.isEmpty() || codec.probedTargets(current.facts()).contains(host.get())) {
            return state;
        }
        ProbeGateway.ProbeRun run = probes.run(host.get(), actor, Optional.of(current.id()));
        if (run.steps().isEmpty()) {
            return state;
        }
        return store.append(current.id(), List.of(codec.probeRun(run)))
                .map(updated -> codec.state(updated.facts())).orElse(state);
    }

    /** A stored case, what it knows, and the reply its facts give now. */
    public record CaseView(StoredCase stored, CaseState state, Reply reply) {
    }

    /** Public for the command line, which checks {@code --answer} before anything runs. */
    public Optional<String> answerProblem(String questionId, String value) {
        return AnswerCheck.problem(engine.diagnoser(), questionId, value);
    }

    /** The question catalog, for help texts. */
    public List<Question> questions() {
        return engine.diagnoser().questions();
    }
}
