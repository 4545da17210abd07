package dev.triage.rules.internal;

import dev.triage.rules.ArticleFact;
import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnosis;
import dev.triage.rules.Softmax;
import dev.triage.rules.internal.pack.Pack;
import dev.triage.rules.internal.pack.PackSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Wires the pieces of one diagnosis: facts in, rules, ranking, question order. Rules come from the packs: every pack's
 * one-fact tables ({@link PackRules}), and the prebuilt DRL unit of the one pack that brings it, which sees only that
 * pack's causes, signals and questions besides the pack-neutral facts (codes, probe findings, pasted evidence).
 */
public final class Engine {
    private final Optional<RuleSession> rules;
    private final Optional<Pack> drlPack;
    private final Set<String> foreignQuestions = new HashSet<>();
    private final PackRules tables;
    private final QuestionCatalog questions;
    private final CauseCatalog causes;
    private final FactAssembler assembler;
    private final Describer describer;
    private final QuestionPlanner planner;
    private final BaseRates baseRates;

    private Engine(List<Pack> packs) {
        this.drlPack = packs.stream().filter(Pack::drl).findFirst();
        this.rules = drlPack.map(p -> RuleSession.load());
        packs.stream().filter(p -> !p.drl()).forEach(p -> p.questions().forEach(q -> foreignQuestions.add(q.id())));
        this.tables = new PackRules(packs);
        this.questions = QuestionCatalog.of(packs);
        this.causes = CauseCatalog.of(packs);
        this.assembler = new FactAssembler(SignalExtractor.of(packs), questions);
        this.describer = new Describer(questions);
        this.planner = new QuestionPlanner(questions, causes.ids().size());
        this.baseRates = BaseRates.of(packs);
    }

    /** The bundled packs only. */
    public static Engine load() {
        return load(Engine.class.getClassLoader(), List.of());
    }

    /**
     * Loads the bundled packs and those in {@code folders}, and runs one throw-away diagnosis, so class loading and
     * first-use costs hit startup.
     */
    public static Engine load(ClassLoader loader, List<Path> folders) {
        Engine engine = new Engine(PackSet.load(loader, folders).packs());
        engine.diagnose(CaseFacts.ofText("Error code: 0x904 Extended error code: 0x7"));
        return engine;
    }

    public Diagnosis diagnose(CaseFacts facts) {
        return diagnose(facts, true);
    }

    /**
     * With {@code questions} false the follow-up questions are neither planned nor returned: the session gets no
     * hypothetical answers (which only the planner reads; the ranking skips them), so the causes are the same and
     * cost less.
     */
    public Diagnosis diagnose(CaseFacts facts, boolean questions) {
        List<Object> assembled = assembler.facts(facts, questions);
        Outputs out = run(assembled);
        List<Contribution> all = out.contributions();
        Ranking ranking = Ranking.of(all, baseRates);
        List<Signal> seen = assembled.stream().filter(Signal.class::isInstance).map(Signal.class::cast).toList();
        return new Diagnosis(
                ranking.causes(describer),
                questions ? planner.plan(out.questions(), ranking, all, facts.answers(), seen) : List.of(),
                HealthyServer.from(facts.findings()).isPresent());
    }

    /**
     * The questions the case's pasted text already answers (their {@code answered-by} signals): the planner never asks
     * them, so an evaluation that gives the case's known answers should not give these either.
     */
    public Set<String> answeredByText(CaseFacts facts) {
        List<Signal> seen = assembler.facts(facts, false).stream().filter(Signal.class::isInstance)
                .map(Signal.class::cast).toList();
        return questions.answeredBy(seen);
    }

    /** The rules' raw outputs for a case, for tests that assert what individual rules said. */
    public Outputs fire(CaseFacts facts) {
        return run(assembler.facts(facts));
    }

    private Outputs run(List<Object> facts) {
        Outputs out = rules.map(session -> session.run(drlFacts(facts))).orElseGet(Outputs::new);
        tables.apply(facts, out);
        return out;
    }

    /** What the DRL pack's rules may see: its own causes, signals and questions, and the pack-neutral facts. */
    private List<Object> drlFacts(List<Object> facts) {
        String pack = drlPack.orElseThrow().id();
        List<Object> own = new ArrayList<>(causes.facts(pack));
        for (Object fact : facts) {
            boolean foreign = fact instanceof Signal s && !s.pack().equals(pack)
                    || fact instanceof Answer a && foreignQuestions.contains(a.questionId())
                    || fact instanceof ArticleFact;
            if (!foreign) {
                own.add(fact);
            }
        }
        return own;
    }

    public Softmax softmax() {
        return Ranking.CALIBRATION;
    }

    public QuestionCatalog questions() {
        return questions;
    }

    public CauseCatalog causes() {
        return causes;
    }
}
