package dev.triage.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Validates the articles shipped in {@code src/main/resources/articles}. Content writers run it alone:
 * {@code mvn -q -pl knowledge test -Dtest=BundledArticlesTest}; a failure lists every problem, one per line.
 */
class BundledArticlesTest {
    private static final Path SOURCES = Path.of("src/main/resources/articles");

    @Test
    void everyBundledArticleIsValid() {
        CheckReport report = KnowledgeBase.checkBundled();

        String problems = report.problems().stream().map(Object::toString).collect(Collectors.joining("\n  "));
        assertThat(report.ok())
                .withFailMessage("%d problem(s) in the bundled articles:%n  %s", report.problems().size(), problems)
                .isTrue();
    }

    /** Also catches stale copies in target/classes: a renamed article needs {@code mvn -pl knowledge clean}. */
    @Test
    void bundledBaseLoadsExactlyTheArticleFilesInTheSources() throws IOException {
        KnowledgeBase base = KnowledgeBase.bundled();

        assertThat(base.articles()).extracting(Article::id).containsExactlyInAnyOrderElementsOf(sourceArticleIds());
    }

    private static List<String> sourceArticleIds() throws IOException {
        if (!Files.isDirectory(SOURCES)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(SOURCES, 2)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".md"))
                    .map(name -> name.substring(0, name.length() - 3))
                    .toList();
        }
    }
}
