package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Compile smoke test: the build-time KieBase loads and holds every rule of every DRL file. */
class RuleSessionTest {
    static final Path DRL_DIR = Path.of("src/main/resources/dev/triage/rules/internal");
    private static final Pattern RULE = Pattern.compile("^rule \"(.+)\"", Pattern.MULTILINE);

    @Test
    void prebuiltKieBaseHoldsEveryRuleOfEveryDrlFile() throws IOException {
        Set<String> declared = new HashSet<>();
        for (String drl : drlTexts()) {
            Matcher m = RULE.matcher(drl);
            while (m.find()) {
                assertThat(declared.add(m.group(1))).as("duplicate rule name %s", m.group(1)).isTrue();
            }
        }
        assertThat(declared).hasSizeGreaterThan(200);
        assertThat(RuleSession.load().ruleNames()).isEqualTo(declared);
    }

    @Test
    void ruleUnitIsTheOneGeneratedAtBuildTime() throws ClassNotFoundException {
        String generated = DiagnosisUnit.class.getName() + "RuleUnit";
        assertThat(Class.forName(generated)).isNotNull();
        assertThat(RuleSession.load().implementation()).isEqualTo(generated);
    }

    @Test
    void emptyFactsFireNothing() {
        Outputs out = RuleSession.load().run(List.of());
        assertThat(out.contributions()).isEmpty();
        assertThat(out.questions()).isEmpty();
    }

    static List<String> drlTexts() throws IOException {
        try (Stream<Path> files = Files.list(DRL_DIR)) {
            return files.filter(f -> f.toString().endsWith(".drl")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }
}
