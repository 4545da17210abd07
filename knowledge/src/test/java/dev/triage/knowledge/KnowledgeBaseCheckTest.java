package dev.triage.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Each broken fixture under {@code src/test/resources/broken/<case>} yields one problem naming file and field. */
class KnowledgeBaseCheckTest {
    private static final Path BROKEN = Path.of("src/test/resources/broken");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not-utf8              | rdp/latin1.md: file: is not valid UTF-8
            empty                 | rdp/empty.md: file: is empty
            no-front-matter       | rdp/plain.md: front matter: the file must start with a line '---'
            unclosed-front-matter | rdp/unclosed.md: front matter: no closing '---' line
            yaml-not-mapping      | rdp/listy.md: front matter: must be a YAML mapping
            yaml-syntax           | rdp/syntax.md: front matter: is not valid YAML
            yaml-unsafe-tag       | rdp/unsafe.md: front matter: is not valid YAML
            yaml-duplicate-key    | rdp/dupkey.md: front matter: is not valid YAML: found duplicate key title
            unknown-key           | rdp/typo.md: tittle: unknown key
            missing-sources       | rdp/nosources.md: sources: is required
            empty-causes          | rdp/cert-expired.md: causes: must be a non-empty list of cause ids like net.dns-wrong
            bad-cause             | rdp/badcause.md: causes: must be a non-empty list of cause ids like net.dns-wrong; 'Cert Expired' is not one
            id-mismatch           | rdp/named-file.md: id: 'other-name' must equal the file name without .md ('named-file')
            id-not-kebab          | rdp/Not_Kebab.md: id: must be kebab-case
            unquoted-hex          | rdp/unquoted.md: codes: '2308' must be a quoted string
            bad-code              | rdp/badcode.md: codes: 'error 904' is neither a hex code
            bad-url               | rdp/badurl.md: sources: entry 1: url must be an http(s) address
            empty-sources         | rdp/nosrc.md: sources: must be a non-empty list
            bad-date              | rdp/baddate.md: updated: must be an ISO date
            missing-fixes         | rdp/nofixes.md: section 'Fixes': is missing
            confirm-without-steps | rdp/nosteps.md: section 'How to confirm': needs at least one numbered step
            missing-describe      | rdp/nodescribe.md: section 'How users describe it': is missing
            duplicate-id          | beta/same.md: id: 'same' is already used by alpha/same.md
            nested-folder         | rdp/drafts: folder: folders inside a pack are not read
            """)
    void brokenArticleIsReportedWithFileAndField(String brokenCase, String expected) {
        CheckReport report = KnowledgeBase.check(BROKEN.resolve(brokenCase));

        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().get(0).toString()).startsWith(expected);
    }

    @Test
    void loadThrowsTheFirstProblemWithFileAndField() {
        assertThatThrownBy(() -> KnowledgeBase.load(BROKEN.resolve("empty-causes")))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessage("rdp/cert-expired.md: causes: must be a non-empty list of cause ids like net.dns-wrong")
                .satisfies(e -> assertThat(((InvalidArticleException) e).field()).isEqualTo("causes"));
    }

    @Test
    void checkOfAFolderOfBrokenPacksListsEveryProblemWithoutThrowing() {
        CheckReport report = KnowledgeBase.check(BROKEN.resolve("duplicate-id"));

        assertThat(report.articles()).isEqualTo(2);
        assertThat(report.ok()).isFalse();
    }

    @Test
    void missingFolderIsAProblemNotAnException() {
        CheckReport report = KnowledgeBase.check(BROKEN.resolve("no-such-folder"));

        assertThat(report.problems()).singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains("does not exist"));
    }

    @Test
    void validFixturePackHasNoProblems() {
        CheckReport report = KnowledgeBase.check(Path.of("src/test/resources/articles"));

        assertThat(report.ok()).as(report.problems().toString()).isTrue();
        assertThat(report.articles()).isEqualTo(5);
    }
}
