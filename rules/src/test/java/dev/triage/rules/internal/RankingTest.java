package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
    private static final Object FACT = "fact";

    @Test
    void liftsAloneNeverPutACauseOnTheList() {
        Ranking r = Ranking.of(List.of(new Contribution("azure.nsg", 8, "lift", FACT, true),
                new Contribution("cert.expired", 3, "support", FACT, false)));
        assertThat(r.order()).containsExactly("cert.expired");
    }

    @Test
    void liftsReweightCandidates() {
        Ranking r = Ranking.of(List.of(new Contribution("a.one", 5, "s", FACT, false),
                new Contribution("a.two", 4, "s", FACT, false), new Contribution("a.two", 3, "l", FACT, true)));
        assertThat(r.order()).containsExactly("a.two", "a.one");
        assertThat(r.score("a.two")).isEqualTo(7);
    }

    @Test
    void hypotheticalAnswersNeverCount() {
        Answer maybe = new Answer("vpn", "vpn", true);
        Ranking r = Ranking.of(List.of(new Contribution("a.one", 5, "s", FACT, false),
                new Contribution("a.two", 50, "s", maybe, false)));
        assertThat(r.order()).containsExactly("a.one");
    }

    @Test
    void causesPushedToZeroOrBelowDropOff() {
        Ranking r = Ranking.of(List.of(new Contribution("a.one", 5, "s", FACT, false),
                new Contribution("a.one", -6, "l", FACT, true)));
        assertThat(r.order()).isEmpty();
    }

    @Test
    void confidencesFollowTheSoftmaxWithAnUnexplainedRemainder() {
        Ranking r = Ranking.of(List.of(new Contribution("a.one", 16, "s", FACT, false),
                new Contribution("a.two", 8, "s", FACT, false)));
        var c = r.confidences();
        double one = Math.exp(16 / Ranking.TEMPERATURE);
        double two = Math.exp(8 / Ranking.TEMPERATURE);
        double none = Math.exp(Ranking.UNEXPLAINED / Ranking.TEMPERATURE);
        assertThat(c.get("a.one")).isCloseTo(one / (one + two + none), within(1e-9));
        assertThat(c.get("a.two")).isCloseTo(two / (one + two + none), within(1e-9));
    }

    @Test
    void thinEvidenceGivesLowConfidence() {
        Ranking r = Ranking.of(List.of(new Contribution("a.one", 3, "s", FACT, false)));
        assertThat(r.confidences().get("a.one")).isLessThan(0.5);
    }
}
