package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code triage kb check DIR} on a site's knowledge folder, and what a start does with a broken one. */
class SiteKnowledgeCliTest {
    private static final Path PRINTING = Path.of("../rules/src/test/resources/packs/printing");

    @TempDir
    Path temp;

    @Test
    void kbCheckPassesOnAValidPackFolder() {
        CliRun run = CliRun.of("kb", "check", PRINTING.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("1 articles, 0 problems");
    }

    @Test
    void kbCheckNamesTheFileLineAndFieldOfABrokenTable() throws IOException {
        Path pack = copy();
        Files.writeString(pack.resolve("signals.tsv"), "text\tprint-queue\tnet.vpn-unstable\t5\tsupport\n");
        CliRun run = CliRun.of("kb", "check", pack.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(pack + "/signals.tsv line 1: cause: 'net.vpn-unstable' is not a cause of pack"
                + " 'printing'");
    }

    @Test
    void kbCheckNamesAnArticleWhoseCauseNoPackKnows() throws IOException {
        Path pack = copy();
        Path article = pack.resolve("articles/printer-offline.md");
        Files.writeString(article, Files.readString(article).replace("causes: [printer.offline]",
                "causes: [printer.jammed]"));
        CliRun run = CliRun.of("kb", "check", pack.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains(article + ": causes: 'printer.jammed' is not a cause the rules know");
    }

    @Test
    void aStartWithABrokenKnowledgeFolderStopsNamingTheFileAndField() throws IOException {
        Path pack = copy();
        Files.writeString(pack.resolve("causes.tsv"), "printer.offline\tthe-printer\nprinter.spooler-stuck\tclient\n");
        CliRun run = CliRun.withInput(new byte[0], Map.of("TRIAGE_CONFIG", "/dev/null", "TRIAGE_KNOWLEDGE_DIR",
                pack.toString()), "diagnose", "--no-probes", "The printer is offline");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("triage: the knowledge packs cannot be loaded: " + pack
                + "/causes.tsv line 1: scope: 'the-printer' is not one of");
    }

    @Test
    void aStartReadsTheKnowledgeFolderFromTheEnvironment() {
        CliRun run = CliRun.withInput(new byte[0], Map.of("TRIAGE_CONFIG", "/dev/null", "TRIAGE_KNOWLEDGE_DIR",
                PRINTING.toString()), "diagnose", "--json", "--no-probes",
                "Since this morning the printer is offline and my documents are stuck in the print queue.");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"id\" : \"printer.offline\"").contains("\"printer-connection\"");
    }

    private Path copy() throws IOException {
        Path target = temp.resolve("printing");
        Files.createDirectories(target.resolve("articles"));
        try (Stream<Path> files = Files.walk(PRINTING)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(PRINTING.relativize(file).toString()));
            }
        }
        return target;
    }
}
