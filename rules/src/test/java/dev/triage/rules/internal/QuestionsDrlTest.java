package dev.triage.rules.internal;

import static dev.triage.rules.internal.Fire.disconnect;
import static dev.triage.rules.internal.Fire.extended;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuestionsDrlTest {
    private final Fire fire = new Fire();

    private static final String TARGET_HOST = "questions: the target host lets the probes look at the server";

    /** The choice questions are the planner's to weigh (QuestionPlannerTest); a rule names only the target host. */
    @Test
    void anErrorWithoutATargetWantsOnlyTheTargetHost() {
        assertThat(fire.codes(disconnect("0x904"), extended("0x7")).questions())
                .extracting(Wanted::name, Wanted::rule).containsExactly(tuple("target-host", TARGET_HOST));
    }

    @Test
    void anAnsweredTargetHostIsNotWantedAgain() {
        assertThat(fire.answers(Map.of("target-host", "rdp01.corp.example"), disconnect("0x904")).questions())
                .isEmpty();
    }

    @Test
    void nothingToGoOnWantsNothing() {
        assertThat(fire.text("hello").questions()).isEmpty();
    }
}
