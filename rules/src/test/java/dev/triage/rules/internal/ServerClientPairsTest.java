package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Answers that weigh as a pair (server-client-pairs.drl): a Linux server (xrdp) and a FreeRDP-based client together
 * make the client's forced graphics mode likelier; either alone does not. The texts are made up in the register of
 * help forums; none is a development case's wording.
 */
class ServerClientPairsTest {
    private static final String CODEC = "client.codec-setting";
    private static final String PAIR_RULE = "answers: xrdp meets a FreeRDP-based client";
    private final Diagnoser diagnoser = Diagnoser.create();

    @Test
    void aLinuxServerWithRemminaLiftsTheCodecSettingAndWithMstscDoesNot() {
        String message = "The session opens, then I only get a black screen.";

        assertThat(pairWeight(message, Map.of("server-kind", "linux", "client-app", "remmina"))).isEqualTo(2);
        assertThat(pairWeight(message, Map.of("server-kind", "linux", "client-app", "mstsc"))).isZero();
        assertThat(pairWeight(message, Map.of("server-kind", "windows-server", "client-app", "remmina"))).isZero();
        assertThat(pairWeight(message, Map.of("server-kind", "linux"))).as("a Linux server alone").isZero();
    }

    @Test
    void aPastedClientOrServerNameIsTheOtherHalfOfThePairAndCountsOnce() {
        assertThat(pairWeight("xfreerdp shows only a black window, then closes", Map.of("server-kind", "linux")))
                .isEqualTo(2);
        assertThat(pairWeight("xrdp shows a black window, then closes", Map.of("client-app", "freerdp"))).isEqualTo(2);
        assertThat(pairWeight("xrdp shows a black window, then closes",
                Map.of("client-app", "freerdp", "server-kind", "linux"))).as("both halves answered, one lift")
                .isEqualTo(2);
    }

    @Test
    void thePairMovesTheCodecSettingUpTheRanking() {
        String message = "Colour depth set to GFX AVC444 and now the remote window is black after the login.";

        assertThat(position(ranked(message, Map.of("server-kind", "linux", "client-app", "remmina")), CODEC))
                .isLessThanOrEqualTo(position(ranked(message, Map.of("server-kind", "linux")), CODEC));
        assertThat(scoreOf(message, Map.of("server-kind", "linux", "client-app", "remmina")))
                .isGreaterThan(scoreOf(message, Map.of("server-kind", "linux", "client-app", "mstsc")));
    }

    private int pairWeight(String message, Map<String, String> answers) {
        return diagnoser.diagnose(facts(message, answers)).causes().stream().filter(c -> c.id().equals(CODEC))
                .flatMap(c -> c.evidence().stream()).filter(e -> e.rule().startsWith(PAIR_RULE)
                        || e.rule().startsWith("answers: a FreeRDP-based client meets xrdp"))
                .mapToInt(e -> e.weight()).sum();
    }

    private double scoreOf(String message, Map<String, String> answers) {
        return diagnoser.diagnose(facts(message, answers)).causes().stream().filter(c -> c.id().equals(CODEC))
                .mapToDouble(c -> c.evidence().stream().mapToInt(e -> e.weight()).sum()).findFirst().orElse(0);
    }

    private List<String> ranked(String message, Map<String, String> answers) {
        return diagnoser.diagnose(facts(message, answers)).causeIds();
    }

    private static int position(List<String> ranked, String cause) {
        int at = ranked.indexOf(cause);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private static CaseFacts facts(String message, Map<String, String> answers) {
        return new CaseFacts(List.of(message), List.of(), answers, List.of(), List.of(), Optional.empty());
    }
}
