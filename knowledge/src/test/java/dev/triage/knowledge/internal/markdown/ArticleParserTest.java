package dev.triage.knowledge.internal.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.CheckReport.Problem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
    private static final String VALID = """
            ---
            id: cert-expired
            title: "The server's RDP certificate expired"
            causes: [cert.expired, cert.wmi-broken]
            codes: ["0x00000904", "0X7", "ssl_err_cert_expired", "0x904"]
            tags: [rdp, certificate]
            sources:
              - title: "Regenerate the certificate"
                url: "https://learn.microsoft.com/x"
            updated: 2026-11-20
            ---

            ## How users describe it

            Error code: 0x904.

            ## How to confirm

            1. Ask who else fails.
            2. List the certificate:
               ```powershell
               Get-ChildItem 'Cert:\\LocalMachine\\Remote Desktop'

               # blank line above stays inside the block
               ```
            3) Third step, other marker.

            ## Fixes

            1. **Delete it.** Then restart:
            ```cmd
            net stop SessionEnv
            ```
            Paragraph after the list ends it.
            2. Not a continuation of step 1, a new step.
            """;

    @Test
    void validArticleKeepsStepsWithTheirCodeBlocks() {
        Article article = parsed(VALID);

        assertThat(article.confirm()).containsExactly(
                "Ask who else fails.",
                "List the certificate:\n```powershell\nGet-ChildItem 'Cert:\\LocalMachine\\Remote Desktop'\n\n"
                        + "# blank line above stays inside the block\n```",
                "Third step, other marker.");
        assertThat(article.fixes()).containsExactly(
                "**Delete it.** Then restart:\n```cmd\nnet stop SessionEnv\n```",
                "Not a continuation of step 1, a new step.");
    }

    @Test
    void codesAreNormalisedAndDeduplicated() {
        assertThat(parsed(VALID).codes()).containsExactly("0x904", "0x7", "SSL_ERR_CERT_EXPIRED");
    }

    @Test
    void headerFieldsAreRead() {
        Article article = parsed(VALID);

        assertThat(article.id()).isEqualTo("cert-expired");
        assertThat(article.causes()).containsExactly("cert.expired", "cert.wmi-broken");
        assertThat(article.sources()).singleElement()
                .isEqualTo(new Article.Source("Regenerate the certificate", "https://learn.microsoft.com/x"));
        assertThat(article.file()).isEqualTo("rdp/cert-expired.md");
        assertThat(article.body()).startsWith("## How users describe it");
    }

    @Test
    void everyProblemOfAFileIsReported() {
        String broken = VALID.replace("causes: [cert.expired, cert.wmi-broken]", "causes: []")
                .replace("tags: [rdp, certificate]", "tags: [rdp]\ncolour: blue")
                .replace("## Fixes", "## Fixes later");

        ParseOutcome outcome = ArticleParser.parse("rdp/cert-expired.md", bytes(broken));

        assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
        assertThat(((ParseOutcome.Rejected) outcome).problems()).extracting(Problem::field)
                .containsExactlyInAnyOrder("colour", "causes", "section 'Fixes'");
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreAccepted() {
        Article article = parsed("\uFEFF" + VALID.replace("\n", "\r\n"));

        assertThat(article.confirm()).hasSize(3);
    }

    @Test
    void headingsInsideCodeBlocksDoNotStartSections() {
        Article article = parsed(VALID.replace("# blank line above", "## blank line above"));

        assertThat(article.confirm()).hasSize(3);
    }

    private static Article parsed(String text) {
        ParseOutcome outcome = ArticleParser.parse("rdp/cert-expired.md", bytes(text));
        assertThat(outcome).as(outcome.toString()).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcome).article();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
