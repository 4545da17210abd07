package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchEvalKbTest {
    @TempDir
    Path dir;

    @Test
    void batchWritesOneResultPerLineWithItsId() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id": "a", "text": "Error code: 0x904 Extended error code: 0x7"}

                {"id": "b", "user_text": "This user account has expired. Error code: 0xe07"}
                not json
                {"id": "d", "text": ""}
                """);
        CliRun run = CliRun.of("batch", "--no-probes", in.toString());

        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        assertThat(lines).extracting(l -> l.path("id").asText()).containsExactly("a", "b", "d");
        assertThat(lines.get(0).path("causes").size()).isPositive();
        assertThat(lines.get(0).path("fixes").size()).as("JSON lines in, the full diagnosis out").isPositive();
        assertThat(lines.get(1).path("causes").get(0).path("id").asText()).isEqualTo("auth.account-locked-or-expired");
        assertThat(lines.get(2).path("error").asText()).contains("Nothing to diagnose");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("line 4: not valid JSON (skipped)")
                .contains("3 tickets (JSON lines), 2 diagnosed, 1 failed, 1 row skipped (line 4)");
    }

    @Test
    void evalReportsTopOneAndTopThree() throws IOException {
        Path in = dir.resolve("eval.jsonl");
        Files.writeString(in, """
                {"id": "x1", "user_text": "This user account has expired. Error code: 0xe07 Extended error code: 0x0", "cause": "auth.account-locked-or-expired"}
                {"id": "x2", "user_text": "Error code: 0x904 Extended error code: 0x7", "cause": "profile.corrupt"}
                """);
        CliRun run = CliRun.of("eval", in.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("cases 2").contains("top-1").contains("top-3")
                .contains("auth.account-locked-or-expired").contains("misses");
    }

    @Test
    void evalCrossValidatesLeavingOneFileOut() throws IOException {
        Path first = dir.resolve("cv-one.jsonl");
        Files.writeString(first, """
                {"id": "x1", "user_text": "This user account has expired. Error code: 0xe07 Extended error code: 0x0", "cause": "auth.account-locked-or-expired"}
                {"id": "x2", "user_text": "Error code: 0x904 Extended error code: 0x7", "cause": "profile.corrupt"}
                """);
        Path second = dir.resolve("cv-two.jsonl");
        Files.writeString(second, """
                {"id": "y1", "user_text": "Remote Desktop can't connect to the remote computer. Error code: 0x204", "cause": "azure.nsg"}
                {"id": "y2", "user_text": "An authentication error has occurred. This could be due to CredSSP encryption oracle remediation.", "cause": "credssp.oracle-remediation"}
                """);
        CliRun run = CliRun.of("eval", "--cv", first.toString(), second.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("in sample, the constants now").contains("leave-one-file-out (2 files, 4 cases)")
                .contains("without cv-one.jsonl").contains("without cv-two.jsonl").contains("LEAD_PER_POINT");
    }

    @Test
    void evalRecordsRankingsThatFitReadsBackAsUnseenCases() throws IOException {
        Path half = dir.resolve("half.jsonl");
        Files.writeString(half, """
                {"id": "x1", "user_text": "This user account has expired. Error code: 0xe07 Extended error code: 0x0", "cause": "auth.account-locked-or-expired"}
                {"id": "x2", "user_text": "Error code: 0x904 Extended error code: 0x7", "cause": "profile.corrupt"}
                """);
        CliRun record = CliRun.of("eval", "--record", "--fold", "half@abc1234", half.toString());
        assertThat(record.exit()).as(record.err()).isZero();
        List<String> lines = record.out().lines().toList();
        assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"fold\":\"half@abc1234\""));
        assertThat(lines.get(0)).contains("\"id\":\"x1\"").contains("\"cause\":\"auth.account-locked-or-expired\"")
                .contains("{\"id\":\"auth.account-locked-or-expired\",\"score\":");
        Path records = dir.resolve("records.jsonl");
        Files.writeString(records, record.out());

        CliRun fit = CliRun.of("eval", "--fit", "--records", records.toString(), half.toString());

        assertThat(fit.exit()).as(fit.err()).isZero();
        assertThat(fit.out()).contains("recorded first measurements: 2 cases in 1 held-out halves")
                .contains("level from the recorded").contains("without half@abc1234");
    }

    @Test
    void evalFitNamesTheFileAndLineOfABrokenRecord() throws IOException {
        Path half = dir.resolve("half.jsonl");
        Files.writeString(half, """
                {"id": "x1", "user_text": "Error code: 0x904 Extended error code: 0x7", "cause": "profile.corrupt"}
                """);
        Path records = dir.resolve("broken-records.jsonl");
        Files.writeString(records, """
                {"fold": "a@1", "id": "x1", "cause": "profile.corrupt", "ranked": [{"id": "cert.expired", "score": 11, "articlesOnly": false}]}
                {"fold": "a@1", "id": "x2", "cause": "profile.corrupt", "ranked": [{"id": "cert.expired", "score": "high"}]}
                """);

        CliRun run = CliRun.of("eval", "--fit", "--records", records.toString(), half.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("broken-records.jsonl line 2").contains("'score' (whole number)");
    }

    @Test
    void evalCrossValidationNeedsTwoFiles() throws IOException {
        Path only = dir.resolve("cv-only.jsonl");
        Files.writeString(only, """
                {"id": "x1", "user_text": "Error code: 0x904 Extended error code: 0x7", "cause": "profile.corrupt"}
                """);
        CliRun run = CliRun.of("eval", "--cv", only.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("two or more");
    }

    @Test
    void evalDialogueAsksAndReportsBeforeAndAfter() throws IOException {
        Path in = dir.resolve("dialogue.jsonl");
        Files.writeString(in, """
                {"id": "d1", "user_text": "Remote Desktop can't connect to the remote computer. Error code: 0x204", "cause": "azure.nsg", "answers": {"environment": "azure", "vpn": "direct", "server-kind": "windows-server"}}
                """);
        CliRun run = CliRun.of("eval", "--dialogue", "--questions", "2", in.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("before questions").contains("after answers")
                .contains("expected calibration error").contains("cause up").contains("cause down")
                // A bare 0x204 leaves a host that is down, a blocked port and a switched-off Remote Desktop open
                // (its dialog names all three, the last first): whether the host answers anything else splits the
                // first from the rest, and what runs there decides whether a Windows setting can be off at all (not on
                // Linux). Where it runs, which splits the Azure causes off, gains less while they trail; the path,
                // which few can say and whose expected gain is under the floor, is not asked, although this case knows it.
                .contains("questions asked 2 (2.00 per case)").contains("host-answers=unknown server-kind=windows-server")
                // (the per-question table has no vpn row; the known answers the misses list do name it)
                .doesNotContainPattern("(?m)^vpn\\s").contains("known: {");
    }

    @Test
    void evalFitArticlesCrossValidatesOneFilePerFold() throws IOException {
        Path first = dir.resolve("fold-a.jsonl");
        Files.writeString(first, """
                {"id": "f1", "user_text": "This user account has expired. Error code: 0xe07 Extended error code: 0x0", "cause": "auth.account-locked-or-expired"}
                """);
        Path second = dir.resolve("fold-b.jsonl");
        Files.writeString(second, """
                {"id": "f2", "user_text": "The certificate on the remote computer has expired. SSL_ERR_CERT_EXPIRED", "cause": "cert.expired"}
                """);
        CliRun run = CliRun.of("eval", "--fit-articles", first.toString(), second.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 cases in 2 files").contains("retrieval alone")
                .contains("hand-set 6/3/1 (nothing fitted)").contains("bands, best article per cause")
                .contains("chosen per fold");
    }

    @Test
    void evalFitArticlesNeedsAFileForEachFold() throws IOException {
        Path only = dir.resolve("only.jsonl");
        Files.writeString(only, """
                {"id": "o1", "user_text": "Error code: 0x204", "cause": "net.port-blocked"}
                """);
        CliRun run = CliRun.of("eval", "--fit-articles", only.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("one per fold");
    }

    @Test
    void evalRejectsAnAnswerThatIsNoOption() throws IOException {
        Path in = dir.resolve("bad-answer.jsonl");
        Files.writeString(in, """
                {"id": "d1", "user_text": "Error code: 0x204", "cause": "azure.nsg", "answers": {"environment": "mars"}}
                """);
        CliRun run = CliRun.of("eval", "--dialogue", in.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("answers.environment = 'mars'");
    }

    @Test
    void kbCheckPassesOnTheBundledPack() {
        CliRun run = CliRun.of("kb", "check");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("0 problems");
    }

    @Test
    void kbCheckNamesTheFileAndFieldOfABrokenArticle() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("rdp"));
        Files.writeString(pack.resolve("broken-one.md"), """
                ---
                id: broken-one
                title: "Broken"
                causes: not-a-list
                codes: []
                tags: []
                sources:
                  - title: "x"
                    url: "https://example.com/x"
                updated: 2026-11-20
                ---

                ## How users describe it
                text
                ## How to confirm
                1. ask
                ## Fixes
                1. fix
                """);
        CliRun run = CliRun.of("kb", "check", dir.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("broken-one.md").contains("causes");
    }

    @Test
    void kbSearchFindsTheArticleOfACode() {
        CliRun run = CliRun.of("kb", "search", "SSL_ERR_CERT_EXPIRED");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("cert.expired");
    }
}
