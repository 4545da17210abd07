package dev.triage.bot.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each cause of the RDP pack, a realistic paste (with the answers or probe results an admin would have where the
 * text alone cannot decide) ranks it first through the whole pipeline: decoder, knowledge search, rules.
 * Data: {@code scenarios/causes.jsonl}, one JSON object per line with {@code cause}, {@code text}, optional
 * {@code answers}, and for scenarios with probe results the probed {@code host} and its {@code findings}
 * ({@code probe}, {@code outcome}, {@code details}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CauseScenarioTest {
    private static final String DATA = "/scenarios/causes.jsonl";

    private BotApplication app;

    /** One line of the data file. */
    record Scenario(int line, String cause, String text, Map<String, String> answers, Optional<String> host,
            List<ProbeOutcome> probes) {
        @Override
        public String toString() {
            return "line " + line + ": " + cause;
        }
    }

    @BeforeAll
    void createTheApplication() {
        app = BotApplication.create(BotConfig.defaults());
    }

    @AfterAll
    void closeTheApplication() {
        app.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theScenarioRanksItsCauseFirst(Scenario s) {
        Reply reply = app.engine().reply(new CaseState(List.of(s.text()), s.answers(), s.host(), s.probes()));

        assertThat(reply.causes()).as("no cause at all for %s", s).isNotEmpty();
        assertThat(reply.causes().get(0).id()).as("leading cause of %s; ranking %s", s, ranking(reply))
                .isEqualTo(s.cause());
    }

    @Test
    void everyCauseTheRulesKnowHasAScenario() {
        Set<String> covered = scenarios().stream().map(Scenario::cause).collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(app.engine().diagnoser().causeIds());
    }

    List<Scenario> scenarios() {
        ObjectMapper json = new ObjectMapper();
        List<Scenario> scenarios = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CauseScenarioTest.class.getResourceAsStream(DATA), StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (!line.isBlank()) {
                    scenarios.add(scenario(number, json.readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scenarios;
    }

    private static Scenario scenario(int line, JsonNode node) {
        Map<String, String> answers = new LinkedHashMap<>();
        node.path("answers").properties().forEach(e -> answers.put(e.getKey(), e.getValue().asText()));
        List<ProbeOutcome> probes = new ArrayList<>();
        for (JsonNode f : node.path("findings")) {
            Map<String, String> details = new LinkedHashMap<>();
            f.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
            String outcome = f.path("outcome").asText();
            probes.add(new ProbeOutcome(f.path("probe").asText(), outcome, passed(outcome),
                    f.path("probe").asText() + " " + outcome, 5, details));
        }
        Optional<String> host = node.has("host") ? Optional.of(node.path("host").asText()) : Optional.empty();
        if (!probes.isEmpty() && host.isEmpty()) {
            // The bot probes only a known host; findings without one would be a case that cannot happen.
            throw new IllegalArgumentException(DATA + " line " + line + ": findings need the probed host");
        }
        return new Scenario(line, node.path("cause").asText(), node.path("text").asText(), answers, host, probes);
    }

    /** The outcomes a probe counts as healthy, as far as a scenario uses them. */
    private static boolean passed(String outcome) {
        return Set.of("OK", "RESOLVED", "CONNECTED").contains(outcome);
    }

    private static String ranking(Reply reply) {
        return reply.causes().stream().limit(4)
                .map(c -> String.format(java.util.Locale.ROOT, "%s %.2f", c.id(), c.confidence()))
                .collect(Collectors.joining(", "));
    }
}
