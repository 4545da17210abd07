package dev.triage.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * How common a cause is among resolved cases (packs/rdp/base-rates.tsv) orders a ranking only article matches lead,
 * and shows itself as evidence there; a post whose code or message the rules read keeps its ranking as the evidence
 * says. The texts are made up; none is a development case's wording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaseRatePasteTest {
    private static final String BASE_RATE = "base rate: how common this cause is among resolved cases (weighed only"
            + " when nothing but article matches speaks for the first cause)";
    private final Map<String, JsonNode> results = new HashMap<>();

    @BeforeAll
    void diagnoseThePastes(@TempDir Path dir) throws IOException {
        results.putAll(new BatchOfPastes().diagnose(dir, Map.of(
                "ideas", "can't rdp anymore, any ideas?",
                "office", "Remote desktop to my office PC does not work anymore. Any idea?",
                "graphics", "Because of a protocol error (code: 0x112f), the remote session will be disconnected.")));
    }

    @Test
    void aVaguePostWeighsCommonCausesUpAndRareOnesDown() {
        for (String id : new String[] {"ideas", "office"}) {
            assertThat(baseRateWeights(results.get(id))).as(id).anyMatch(w -> w > 0);
        }
        assertThat(baseRateWeights(results.get("office"))).anyMatch(w -> w < 0);
    }

    @Test
    void theEvidenceSaysHowCommonTheCauseIs() {
        JsonNode evidence = results.get("ideas").path("causes").findValues("evidence").stream()
                .flatMap(e -> toList(e).stream()).filter(e -> e.path("rule").asText().equals(BASE_RATE))
                .findFirst().orElseThrow();
        assertThat(evidence.path("text").asText()).matches("how common it is: \\d+ of the \\d+ resolved cases in"
                + " the knowledge pack's reference set had this cause \\(\\d+ for the average cause\\)");
    }

    @Test
    void aPostTheRulesReadKeepsItsEvidenceAlone() {
        assertThat(results.get("graphics").path("causes").get(0).path("id").asText())
                .isEqualTo("session.display-driver");
        assertThat(baseRateWeights(results.get("graphics"))).isEmpty();
    }

    private static List<Integer> baseRateWeights(JsonNode result) {
        List<Integer> weights = new ArrayList<>();
        for (JsonNode cause : result.path("causes")) {
            for (JsonNode e : cause.path("evidence")) {
                if (e.path("rule").asText().equals(BASE_RATE)) {
                    weights.add(e.path("weight").asInt());
                }
            }
        }
        return weights;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
