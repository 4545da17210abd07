package dev.triage.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text-only diagnoses of typical dialog and log wordings, one per cause family ({@code wording-cases.tsv}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordingScenarioTest {
    private final Diagnoser diagnoser = Diagnoser.create();

    static Stream<Arguments> wordings() throws IOException {
        try (InputStream in = WordingScenarioTest.class.getResourceAsStream("/wording-cases.tsv")) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 2)).map(p -> Arguments.of(p[0], p[1])).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wordings")
    void wordingLeadsToItsCause(String cause, String text) {
        List<String> ranked = diagnoser.diagnose(CaseFacts.ofText(text)).causeIds();
        assertThat(ranked).as(text).isNotEmpty();
        assertThat(ranked.get(0)).as("%s", ranked).isEqualTo(cause);
    }
}
