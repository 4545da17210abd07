package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A second pack's words only weigh its own causes, and the rdp pack's rules never see its signals: the printing test
 * pack shares the phrase "access denied" with rdp's sign-in wording, and adding it changes nothing rdp says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackIsolationTest {
    private final Engine rdpOnly = Engine.load();
    private final Engine withPrinting = Engine.load(getClass().getClassLoader(), List.of(Packs.PRINTING));

    @Test
    void rdpSaysExactlyTheSameWithASecondPackLoaded() throws IOException {
        for (String text : rdpTexts()) {
            CaseFacts facts = new CaseFacts(List.of(text), List.of(), Map.of("environment", "azure"), List.of(),
                    List.of(), Optional.empty());
            assertThat(said(withPrinting, facts, "rdp")).as(text).isEqualTo(said(rdpOnly, facts, "rdp"));
        }
    }

    @Test
    void aSharedPhraseRaisesOneSignalPerPackAndEachWeighsOnlyItsOwnCauses() {
        CaseFacts facts = CaseFacts.ofText("Access denied while printing; the print queue is stuck");
        List<Contribution> all = withPrinting.fire(facts).contributions();
        assertThat(all).filteredOn(c -> c.fact() instanceof Signal s && s.pack().equals("printing"))
                .extracting(Contribution::causeId).allMatch(id -> id.startsWith("printer."));
        assertThat(all).filteredOn(c -> c.fact() instanceof Signal s && s.pack().equals("rdp"))
                .extracting(Contribution::causeId).noneMatch(id -> id.startsWith("printer."));
        assertThat(all).filteredOn(c -> c.causeId().equals("auth.bad-credentials")).extracting(Contribution::rule)
                .containsExactlyElementsOf(rdpOnly.fire(facts).contributions().stream()
                        .filter(c -> c.causeId().equals("auth.bad-credentials")).map(Contribution::rule).toList());
    }

    @Test
    void theRdpRulesNeverSeeAnotherPacksSignalsOrQuestions() {
        Outputs out = withPrinting.fire(CaseFacts.ofText("The printer is offline"));
        assertThat(out.questions()).extracting(Wanted::name).containsExactly("printer-connection");
        assertThat(out.contributions()).filteredOn(c -> !c.hypothetical()).extracting(Contribution::causeId)
                .containsOnly("printer.offline");
    }

    @Test
    void aLiftAloneNeverListsTheCause() {
        assertThat(withPrinting.diagnose(CaseFacts.ofText("access denied")).causes())
                .extracting(c -> c.id()).noneMatch(id -> id.startsWith("printer."));
    }

    /** (rule, cause, weight) of every contribution to a cause of {@code pack}, in a stable order. */
    private static List<Tuple> said(Engine engine, CaseFacts facts, String pack) {
        return engine.fire(facts).contributions().stream()
                .filter(c -> engine.causes().facts(pack).stream().anyMatch(i -> i.id().equals(c.causeId())))
                .map(c -> tuple(c.rule(), c.causeId(), c.weight(), c.hypothetical()))
                .sorted(java.util.Comparator.comparing(Tuple::toString)).toList();
    }

    /** The pasted texts of the rules module's wording scenarios. */
    private static List<String> rdpTexts() throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("src/test/resources/wording-cases.tsv"))) {
            return lines.filter(l -> !l.startsWith("#") && l.contains("\t")).map(l -> l.split("\t")[1]).toList();
        }
    }
}
