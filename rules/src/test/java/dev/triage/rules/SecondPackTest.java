package dev.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A pack added as resources only (causes, one question, phrases, fan-out tables; no Java, no DRL) diagnoses its own
 * cases: the "done when" for rules as pack data.
 */
class SecondPackTest {
    private static final Path PRINTING = Path.of("src/test/resources/packs/printing");
    private static final String TEXT = "The printer is offline and my documents are stuck in the print queue";
    private final Diagnoser diagnoser = Diagnoser.create(List.of(PRINTING));

    @Test
    void diagnosesWithTheSecondPacksCausesAndAsksItsQuestion() {
        Diagnosis d = diagnoser.diagnose(CaseFacts.ofText(TEXT));
        assertThat(d.causes()).extracting(RankedCause::id).containsExactly("printer.offline", "printer.spooler-stuck");
        assertThat(d.causes().get(0).evidence()).extracting(Evidence::rule)
                .contains("printing: the printer's status says offline");
        assertThat(d.questions()).extracting(Question::id).containsExactly("printer-connection");
        assertThat(diagnoser.question("printer-connection").orElseThrow().text())
                .isEqualTo("How is the printer connected to your PC?");
    }

    @Test
    void itsAnswersReorderItsCauses() {
        Diagnosis d = diagnoser.diagnose(new CaseFacts(List.of(TEXT), List.of(), Map.of("printer-connection", "usb"),
                List.of(), List.of(), Optional.empty()));
        assertThat(d.causes()).extracting(RankedCause::id).containsExactly("printer.spooler-stuck", "printer.offline");
        assertThat(d.questions()).isEmpty();
    }

    @Test
    void itsArticlesSupportItsCauses() {
        Diagnosis d = diagnoser.diagnose(new CaseFacts(List.of("it does not print"), List.of(), Map.of(),
                List.of(new ArticleFact("printer.offline", 1.0, 0)), List.of(), Optional.empty()));
        assertThat(d.causes()).extracting(RankedCause::id).containsExactly("printer.offline");
    }

    @Test
    void theBundledDiagnoserKnowsNothingOfIt() {
        assertThat(Diagnoser.create().causeIds()).noneMatch(id -> id.startsWith("printer."));
        assertThat(diagnoser.causeIds()).contains("printer.offline", "printer.spooler-stuck", "net.dns-wrong");
    }

    @Test
    void theTestPackChecksClean() {
        assertThat(Diagnoser.check(List.of(PRINTING))).isEmpty();
    }
}
