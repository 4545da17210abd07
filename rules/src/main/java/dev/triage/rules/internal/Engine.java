package dev.triage.rules.internal;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnosis;
import dev.triage.rules.Softmax;
import java.util.List;

/** Wires the pieces of one diagnosis: facts in, rules, ranking, question order. */
public final class Engine {
    private final RuleSession rules;
    private final QuestionCatalog questions;
    private final CauseCatalog causes;
    private final FactAssembler assembler;
    private final Describer describer;
    private final QuestionPlanner planner;

    private Engine(RuleSession rules, SignalExtractor signals, QuestionCatalog questions, CauseCatalog causes) {
        this.rules = rules;
        this.questions = questions;
        this.causes = causes;
        this.assembler = new FactAssembler(signals, questions, causes);
        this.describer = new Describer(questions);
        this.planner = new QuestionPlanner(questions);
    }

    /** Loads everything and runs one throw-away diagnosis, so class loading and first-use costs hit startup. */
    public static Engine load() {
        Engine engine = new Engine(RuleSession.load(), SignalExtractor.load(), QuestionCatalog.rdp(), CauseCatalog.rdp());
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
        Outputs out = rules.run(assembler.facts(facts, questions));
        List<Contribution> all = out.contributions();
        Ranking ranking = Ranking.of(all);
        return new Diagnosis(
                ranking.causes(describer),
                questions ? planner.plan(out.questions(), ranking, all, facts.answers()) : List.of(),
                HealthyServer.from(facts.findings()).isPresent());
    }

    /** The rules' raw outputs for a case, for tests that assert what individual rules said. */
    public Outputs fire(CaseFacts facts) {
        return rules.run(assembler.facts(facts));
    }

    public Softmax softmax() {
        return new Softmax(Ranking.TEMPERATURE, Ranking.UNEXPLAINED);
    }

    public RuleSession rules() {
        return rules;
    }

    public QuestionCatalog questions() {
        return questions;
    }

    public CauseCatalog causes() {
        return causes;
    }
}
