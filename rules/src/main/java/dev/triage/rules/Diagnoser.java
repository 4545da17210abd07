package dev.triage.rules;

import dev.triage.rules.internal.Engine;
import dev.triage.rules.internal.pack.PackSet;
import java.nio.file.Path;
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
     * Loads the bundled packs (every {@code packs/index} on the class path names them; docs/packs.md) with their
     * prebuilt rules and warms them up with one diagnosis (a few hundred ms; no rule compilation happens at runtime).
     *
     * @throws RulesException if the rules or a pack cannot be loaded (a packaging bug)
     */
    public static Diagnoser create() {
        return create(List.of());
    }

    /**
     * The bundled packs plus the packs kept in {@code folders}: a folder holding {@code pack.properties}, or a folder of
     * such folders (a folder without any holds only articles, which the knowledge base reads). A pack in a folder is
     * data only: its causes, questions, phrases and fan-out tables.
     *
     * @throws InvalidPackException naming the file, line and field of the first problem
     */
    public static Diagnoser create(List<Path> folders) {
        return new Diagnoser(Engine.load(Diagnoser.class.getClassLoader(), List.copyOf(folders)));
    }

    /** Every problem of the bundled packs together with those in {@code folders}; empty when they load. */
    public static List<PackProblem> check(List<Path> folders) {
        return PackSet.check(Diagnoser.class.getClassLoader(), List.copyOf(folders));
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

    /** The ids of the questions the case's pasted text already answers; they are never asked. */
    public Set<String> answeredByText(CaseFacts facts) {
        return engine.answeredByText(facts);
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

    /** Every cause id a rule can emit: the causes of all loaded packs. */
    public Set<String> causeIds() {
        return engine.causes().ids();
    }
}
