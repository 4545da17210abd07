package dev.triage.rules.internal;

import dev.triage.rules.RulesException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.drools.ruleunits.api.RuleUnit;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;
import org.drools.ruleunits.impl.AbstractRuleUnitInstance;
import org.drools.core.common.ReteEvaluator;

/**
 * The {@link DiagnosisUnit} rule unit, whose executable model kie-maven-plugin generates at build time (so nothing is
 * compiled at runtime), and one fresh unit instance per run. The rule unit is thread-safe for creating instances;
 * instances are never shared.
 */
public final class RuleSession {
    private final RuleUnit<DiagnosisUnit> unit;

    private RuleSession(RuleUnit<DiagnosisUnit> unit) {
        this.unit = unit;
    }

    /** Loads the prebuilt rule unit. */
    public static RuleSession load() {
        try {
            return new RuleSession(RuleUnitProvider.get().getRuleUnit(new DiagnosisUnit()));
        } catch (RuntimeException e) {
            throw new RulesException("cannot load the prebuilt rule unit " + DiagnosisUnit.class.getName(), e);
        }
    }

    /** Inserts the facts, fires every rule once and returns what the rules said. */
    public Outputs run(Collection<?> facts) {
        DiagnosisUnit data = new DiagnosisUnit();
        facts.forEach(data::add);
        try (RuleUnitInstance<DiagnosisUnit> instance = unit.createInstance(data)) {
            instance.fire();
        }
        return data.getOut();
    }

    /** The rule unit's class: the one kie-maven-plugin generated, unless Drools fell back to compiling at runtime. */
    String implementation() {
        return unit.getClass().getName();
    }

    /** Names of every rule in the unit, for the compile smoke test. */
    public Set<String> ruleNames() {
        try (RuleUnitInstance<DiagnosisUnit> instance = unit.createInstance(new DiagnosisUnit())) {
            ReteEvaluator evaluator = (ReteEvaluator) ((AbstractRuleUnitInstance<?, ?>) instance).getEvaluator();
            return evaluator.getKnowledgeBase().getKiePackages().stream().flatMap(p -> p.getRules().stream())
                    .map(org.kie.api.definition.rule.Rule::getName).collect(Collectors.toSet());
        }
    }
}
