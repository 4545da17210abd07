package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.ArticleFact;
import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.ProbeFinding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.provider.Arguments;

/** Runs one rule session over test facts and reads back what the rules said (given facts only). */
final class Fire {
    private final Engine engine = Engine.load();

    /** One row of a wording test's table: this family's text raises this cause by this weight. */
    static Arguments row(String family, String cause, int weight, String message) {
        return Arguments.of(family, cause, weight, message);
    }

    Outputs codes(CodeFact... codes) {
        return engine.fire(new CaseFacts(List.of(), List.of(codes), Map.of(), List.of(), List.of(), Optional.empty()));
    }

    Outputs text(String text) {
        return engine.fire(CaseFacts.ofText(text));
    }

    Outputs answers(Map<String, String> answers, CodeFact... codes) {
        return engine.fire(new CaseFacts(List.of(), List.of(codes), answers, List.of(), List.of(), Optional.empty()));
    }

    Outputs findings(ProbeFinding... findings) {
        return engine.fire(new CaseFacts(List.of(), List.of(), Map.of(), List.of(), List.of(findings),
                Optional.of("rdp.example.test")));
    }

    Outputs articles(ArticleFact... articles) {
        return engine.fire(new CaseFacts(List.of(), List.of(), Map.of(), List.of(articles), List.of(), Optional.empty()));
    }

    Outputs fire(CaseFacts facts) {
        return engine.fire(facts);
    }

    /** (rule, cause, weight) of every contribution that does not come from a hypothetical answer. */
    static List<Tuple> said(Outputs out) {
        return out.contributions().stream().filter(c -> !c.hypothetical())
                .map(c -> new Tuple(c.rule(), c.causeId(), c.weight())).toList();
    }

    /**
     * Asserts that {@code message} fired the pack row of this family and cause with exactly {@code weight}: "(family ->
     * cause)" for support, "(family lifts cause)" for a negative weight.
     */
    void assertRaisesRow(String family, String cause, int weight, String message) {
        String row = weight < 0 ? "(" + family + " lifts " + cause + ")" : "(" + family + " -> " + cause + ")";
        assertThat(said(text(message))).as(message).anySatisfy(said -> {
            assertThat((String) said.toList().get(0)).endsWith(row);
            assertThat(said.toList().subList(1, 3)).containsExactly(cause, weight);
        });
    }

    /** The contributions of {@code family}'s signals.tsv rows for {@code message}, found by the rows' rule names. */
    List<Contribution> rowsOf(String message, String family) {
        return text(message).contributions().stream()
                .filter(c -> c.rule().contains("(" + family + " -> ") || c.rule().contains("(" + family + " lifts "))
                .toList();
    }

    /** (rule, cause) pairs, for assertions that do not pin the weight. */
    static List<Tuple> pairs(Outputs out) {
        return out.contributions().stream().filter(c -> !c.hypothetical())
                .map(c -> new Tuple(c.rule(), c.causeId())).toList();
    }

    static CodeFact disconnect(String code) {
        return new CodeFact("disconnect", code, Long.decode(code), "");
    }

    static CodeFact extended(String code) {
        return new CodeFact("extended", code, Long.decode(code), "");
    }

    static CodeFact errconnect(String name) {
        return new CodeFact("errconnect", name, 0, name);
    }

    static ProbeFinding finding(String probe, String outcome, String... details) {
        Map<String, String> d = new java.util.HashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            d.put(details[i], details[i + 1]);
        }
        return new ProbeFinding(probe, outcome, d);
    }
}
