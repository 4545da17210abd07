package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacklogBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aJiraExportIsReadByItsDefaultColumnsWithTheBrokenRowSkippedAndNamed() throws IOException {
        CliRun run = batch("jira.csv", BacklogExports.jira());
        List<JsonNode> rows = rows(run.out());

        assertThat(rows).extracting(r -> r.path("id").asText()).containsExactly("HD-101", "HD-102", "HD-103", "HD-105");
        assertThat(rows).extracting(r -> r.path("line").asInt()).containsExactly(2, 3, 7, 10);
        assertThat(leading(rows.get(0))).isEqualTo("auth.account-locked-or-expired");
        assertThat(rows.get(0).path("causes").size()).isBetween(1, 3);
        assertThat(codes(rows.get(1))).contains("0x904", "0x7");
        assertThat(rows.get(1).path("host").asText()).isEqualTo("rds01.corp.example");
        assertThat(leading(rows.get(2))).isEqualTo("net.dns-wrong");
        assertThat(rows.get(2).path("summary").asText()).isEqualTo("Café kiosk PC cannot be found");
        assertThat(run.err()).contains("line 7: bytes that are not UTF-8 were read as windows-1252")
                .contains("line 9: 5 fields where the header has 200 (skipped)")
                .contains("triage: 4 tickets (Jira), 4 diagnosed, 0 failed, 1 row skipped (line 9)");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void aServiceNowExportAsCsvOutput() throws IOException {
        CliRun run = batch("incidents.csv", BacklogExports.serviceNow(), "--format", "csv");
        String[] lines = run.out().split("\r\n");

        assertThat(lines[0]).isEqualTo(CsvHeader.EXPECTED);
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).startsWith("INC0010001,2,Account expired,auth.account-locked-or-expired,");
        assertThat(lines[2]).startsWith("INC0010002,3,Cannot reach rds01,").contains(",rds01.corp.example,")
                .containsPattern(",0x904 0x7,|,0x7 0x904,");
        assertThat(lines[3]).startsWith("INC0010004,8,Kiosk PC,net.dns-wrong,");
        assertThat(run.err()).contains("line 6: bytes that are not UTF-8")
                .contains("line 7: text after the closing quote of a field")
                .contains("3 tickets (ServiceNow), 3 diagnosed, 0 failed, 1 row skipped (line 7)");
    }

    @Test
    void aZendeskExportCountsAnEmptyTicketAsFailedAndATruncatedRowAsSkipped() throws IOException {
        CliRun run = batch("zendesk.csv", BacklogExports.zendesk());
        List<JsonNode> rows = rows(run.out());

        assertThat(rows).extracting(r -> r.path("id").asText()).containsExactly("1201", "1202", "1203");
        assertThat(leading(rows.get(0))).isEqualTo("auth.account-locked-or-expired");
        assertThat(rows.get(1).path("summary").asText()).isEqualTo("Remote desktop, error 0x904");
        assertThat(rows.get(2).path("error").asText()).contains("Nothing to diagnose");
        assertThat(run.err()).contains("line 6: bytes that are not UTF-8")
                .contains("line 8: a quoted field opened on line 8 is never closed (skipped)")
                .contains("3 tickets (Zendesk), 2 diagnosed, 1 failed, 1 row skipped (line 8)");
    }

    @Test
    void namedColumnsReplaceTheRecognisedShapesAndAMissingOneIsABadCommandLine() throws IOException {
        CliRun run = batch("jira.csv", BacklogExports.jira(), "--text-column", "Comment", "--id-column", "Issue id");
        List<JsonNode> rows = rows(run.out());

        // Only HD-101 has a comment; the rest have no text in the named columns.
        assertThat(rows).extracting(r -> r.path("id").asText()).containsExactly("1101", "1102", "1103", "1105");
        assertThat(rows.get(0).path("summary").asText()).startsWith("04/Dec/26 9:12 AM;jdoe;tried again");
        assertThat(rows.get(1).path("error").asText()).contains("Nothing to diagnose");

        CliRun missing = batch("jira2.csv", BacklogExports.jira(), "--text-column", "Body");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no column Body in the header; it has 'Summary', 'Issue key'")
                .contains("(200 columns)");
    }

    @Test
    void theReportReadsBatchOutputAsItIs() throws IOException {
        CliRun run = batch("zendesk.csv", BacklogExports.zendesk());
        Path results = dir.resolve("results.jsonl");
        // A row edited to carry markup: the report must show it as text.
        Files.writeString(results, run.out().replace("\"id\":\"1202\"", "\"id\":\"<b>1202</b>\""));

        CliRun report = CliRun.of("report", results.toString());

        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).startsWith("<!doctype html>").contains("<h1>Backlog: 3 tickets</h1>")
                .contains("id=\"cause-auth.account-locked-or-expired\"").contains("&lt;b&gt;1202&lt;/b&gt;")
                .doesNotContain("<b>1202</b>");
    }

    private CliRun batch(String name, byte[] content, String... options) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        List<String> args = new ArrayList<>(List.of("batch", "--no-probes"));
        args.addAll(List.of(options));
        args.add(file.toString());
        return CliRun.withInput(new byte[0], Map.of(), args.toArray(String[]::new));
    }

    private static List<JsonNode> rows(String out) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    private static String leading(JsonNode row) {
        return row.path("causes").path(0).path("id").asText();
    }

    private static List<String> codes(JsonNode row) {
        List<String> codes = new ArrayList<>();
        row.path("codes").forEach(c -> codes.add(c.path("code").asText()));
        return codes;
    }

    /** The CSV output's header, spelled out here because scripts read it. */
    private static final class CsvHeader {
        static final String EXPECTED = "id,line,summary,cause_1,confidence_1,cause_2,confidence_2,cause_3,"
                + "confidence_3,codes,host,error";
    }
}
