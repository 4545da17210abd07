package dev.triage.rules;

import dev.triage.rules.internal.Engine;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The diagnosis engine: Drools rules (prebuilt at build time) turn a case's facts into ranked causes with evidence,
 * the follow-up questions that best separate the leading causes, and whether the probed server looks healthy. Which
 * probes run is the prober's business: each step needs the one before it, and it skips what an earlier result made
 * pointless.
 *
 * <p>Build once with {@link #create()}; the instance is immutable and thread-safe, and each {@link #diagnose} runs in
 * a fresh rule session, so the result depends on the given facts only.
 */
public final class Diagnoser {
    private final Engine engine;

    private Diagnoser(Engine engine) {
        this.engine = engine;
    }

    /**
     * Loads the prebuilt rules and the catalogs and warms them up with one diagnosis (a few hundred ms; no rule
     * compilation happens at runtime).
     *
     * @throws RulesException if the rules or catalogs cannot be loaded (a packaging bug)
     */
    public static Diagnoser create() {
        return new Diagnoser(Engine.load());
    }

    /** Ranks causes for the case; an empty cause list means no rule recognised anything. */
    public Diagnosis diagnose(CaseFacts facts) {
        return engine.diagnose(facts);
    }

    /**
     * The same causes as {@link #diagnose(CaseFacts)}, with no follow-up questions when {@code questions} is false
     * (a backlog row shows none): question planning is skipped, which makes the diagnosis cheaper.
     */
    public Diagnosis diagnose(CaseFacts facts, boolean questions) {
        return engine.diagnose(facts, questions);
    }

    /** The whole question catalog, in its stable order. */
    public List<Question> questions() {
        return engine.questions().all();
    }

    public Optional<Question> question(String id) {
        return engine.questions().find(id);
    }

    /** The constants the confidences are computed with (fitted on labelled cases; docs/accuracy.md). */
    public Softmax softmax() {
        return engine.softmax();
    }

    /** Every cause id a rule can emit. */
    public Set<String> causeIds() {
        return engine.causes().ids();
    }
}
