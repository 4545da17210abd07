package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DiagnoseCommandTest {
    static final String DIALOG = read("/dialog-0x904.txt");

    @Test
    void theDialogGetsCodesCausesFixesAndAQuestion() {
        CliRun run = CliRun.of("diagnose", "--no-probes", DIALOG);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("0x904").contains("Socket closed")
                .contains("0x7").contains("The server denied the connection")
                .contains("Likely causes")
                .contains("Fixes for the leading cause")
                .contains("Next question:").contains("--answer ");
        assertThat(run.out()).doesNotContain("Exception");
    }

    @Test
    void jsonHasTheContractFields() throws IOException {
        JsonNode json = json(CliRun.of("diagnose", "--json", "--no-probes", DIALOG));

        assertThat(json.path("codes")).extracting(c -> c.path("code").asText()).contains("0x904", "0x7");
        assertThat(json.path("codes").get(0).has("name")).isTrue();
        assertThat(json.path("codes").get(0).has("meaning")).isTrue();
        assertThat(json.path("causes").size()).isGreaterThanOrEqualTo(6);
        for (JsonNode cause : json.path("causes")) {
            assertThat(cause.path("id").asText()).matches("[a-z]+\\.[a-z0-9-]+");
            assertThat(cause.path("title").asText()).isNotBlank();
            assertThat(cause.path("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(cause.path("evidence").isArray()).isTrue();
        }
        assertThat(confidences(json)).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(json.path("fixes").get(0).path("cause").asText()).isEqualTo(json.path("causes").get(0).path("id").asText());
        assertThat(json.path("fixes").get(0).path("steps").size()).isPositive();
        assertThat(json.path("questions").get(0).path("options").size()).isPositive();
        assertThat(json.has("probes")).isTrue();
        assertThat(json.has("articles")).isTrue();
        assertThat(json.has("case")).isTrue();
    }

    @Test
    void sixOfTheSourceNotesCausesAreRanked() throws IOException {
        List<String> named = List.of("net.vpn-unstable", "net.dns-wrong", "net.port-blocked", "net.idle-reset",
                "client.av-blocking", "client.outdated-app", "cert.expired", "cert.wmi-broken",
                "cert.private-key-permission", "cert.machinekeys-corrupt", "nla.mismatch", "server.max-connections",
                "update.regression", "profile.corrupt", "azure.nsg");
        List<String> ranked = causeIds(json(CliRun.of("diagnose", "--json", "--no-probes", DIALOG)));
        assertThat(ranked.stream().filter(named::contains).count()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void azureAnswerLiftsAzureCauses() throws IOException {
        JsonNode before = json(CliRun.of("diagnose", "--json", "--no-probes", DIALOG));
        JsonNode after = json(CliRun.of("diagnose", "--json", "--no-probes", "--answer", "environment=azure", DIALOG));

        assertThat(causeIds(after).subList(0, 3)).containsAnyOf("azure.nsg", "cert.machinekeys-corrupt");
        int nsgBefore = causeIds(before).indexOf("azure.nsg");
        assertThat(causeIds(after).indexOf("azure.nsg")).isBetween(0, nsgBefore < 0 ? 99 : nsgBefore - 1);
        assertThat(questionIds(after)).doesNotContain("environment");
    }

    @Test
    void otherHostsWorkingPutsServerSideCausesFirstAndChangesTheQuestionsLeft() throws IOException {
        // 0x904 alone: with extended 0x7 the server denied the connection itself, so nobody asks whether other hosts
        // work (MS-RDPBCGR / Microsoft's extended disconnect reasons, reference/rdp-facts.md 1.4; branch misfires).
        String socketClosed = DIALOG.replace("Extended error code: 0x7", "").strip();
        JsonNode before = json(CliRun.of("diagnose", "--json", "--no-probes", socketClosed));
        JsonNode after = json(CliRun.of("diagnose", "--json", "--no-probes", "--answer", "other-hosts-work=yes",
                socketClosed));

        assertThat(causeIds(after).get(0)).matches("(cert|server|profile|nla|update|azure|tls)\\..*");
        // The planner may ask another question first (what runs on the server) before or after; what the answer must
        // change is the questions left: the one answered is gone.
        assertThat(questionIds(before)).contains("other-hosts-work");
        assertThat(questionIds(after)).doesNotContain("other-hosts-work").isNotEqualTo(questionIds(before));
    }

    @Test
    void malformedAnswerIsABadInputWithTheRightForm() {
        CliRun noEquals = CliRun.of("diagnose", "--no-probes", "--answer", "environment", DIALOG);
        assertThat(noEquals.exit()).isEqualTo(2);
        assertThat(noEquals.err()).contains("ID=VALUE");

        CliRun unknownQuestion = CliRun.of("diagnose", "--no-probes", "--answer", "colour=blue", DIALOG);
        assertThat(unknownQuestion.exit()).isEqualTo(2);
        assertThat(unknownQuestion.err()).contains("no question 'colour'").contains("environment");

        CliRun badOption = CliRun.of("diagnose", "--no-probes", "--answer", "environment=mars", DIALOG);
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("azure");
    }

    @Test
    void emptyTextIsABadInput() {
        CliRun run = CliRun.of("diagnose", "--no-probes", "   ");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Nothing to diagnose").doesNotContain("Exception");
        assertThat(CliRun.of("diagnose").exit()).isEqualTo(2);
    }

    @Test
    void aMegabytePasteIsRefusedClearly() {
        byte[] mb = ("Error code: 0x904\n" + "x".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        CliRun run = CliRun.withInput(mb, Map.of(), "diagnose", "--no-probes", "-");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("limit").doesNotContain("Exception");
    }

    @Test
    void binaryJunkOnStandardInputIsRefused() {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        CliRun run = CliRun.withInput(junk, Map.of(), "diagnose", "--no-probes", "-");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("binary").doesNotContain("Exception");
    }

    @Test
    void anUnknownCodeIsSaidPlainlyAndExitsThree() {
        CliRun run = CliRun.of("diagnose", "--no-probes", "Error code: 0x9999");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.out()).contains("0x9999").contains("not in the official tables");
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        assertThat(CliRun.of("frobnicate").exit()).isEqualTo(2);
        CliRun run = CliRun.of("diagnose", "--colour", "x");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option --colour");
    }

    static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exit()).as(run.err()).isIn(0, 3);
        return new ObjectMapper().readTree(run.out());
    }

    static List<String> causeIds(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("causes").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    static List<String> questionIds(JsonNode json) {
        List<String> ids = new ArrayList<>();
        json.path("questions").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private static List<Double> confidences(JsonNode json) {
        List<Double> values = new ArrayList<>();
        json.path("causes").forEach(c -> values.add(c.path("confidence").asDouble()));
        return values;
    }

    static String read(String resource) {
        try (var in = DiagnoseCommandTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
