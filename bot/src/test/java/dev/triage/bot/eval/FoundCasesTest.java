package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.rules.Diagnoser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real RDP failure cases found in public threads (GitHub issues, Q&A, admins' own write-ups), none of them in the shared
 * dev set. Each line names its source thread and the resolution the thread states.
 *
 * <p>Since 2026-11-21 this file is a development set: its misses were read and the general mechanisms behind them fixed
 * (wording families, weights, combination rules), each with a scenario in other words. The held-out measure is
 * {@link HeldOutCasesTest}. The floors sit ten points under the scores after that pass (top-1 90%, top-3 97.5%); fixes
 * must stay general (never a string only one of these cases contains), or this file measures nothing but itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundCasesTest {
    /**
     * Lowered on 2026-12-06 (issue 13, item 4): the 24 mechanisms that only one of these cases' wording triggered were
     * removed, and top-1 here fell from 82.5 % to 65 % while held-out batch C did not move (docs/accuracy.md).
     */
    private static final double TOP1_FLOOR = 0.60;
    private static final double TOP3_FLOOR = 0.825;

    private final LabelledCaseFile file = LabelledCaseFile.read("/eval/rdp-found-cases.jsonl");
    private BotApplication app;

    @BeforeAll
    void load() {
        app = BotApplication.create(BotConfig.defaults());
    }

    @AfterAll
    void close() {
        app.close();
    }

    @Test
    void everyLineHasTheDevSetFieldsAndACauseTheRulesKnow() {
        assertThat(file.lines()).hasSizeBetween(25, 40);
        file.assertWellFormed("f\\d{3}", Diagnoser.create().causeIds());
    }

    @Test
    void idsAndSourcesAreUnique() {
        file.assertIdsAndSourcesUnique();
    }

    @Test
    void rankingTheFoundCasesStaysAboveTheMeasuredFloor() {
        Evaluation evaluation = file.evaluate(app, "Found cases");

        assertThat(evaluation.top1()).as("top-1 on the found cases").isGreaterThanOrEqualTo(TOP1_FLOOR);
        assertThat(evaluation.top3()).as("top-3 on the found cases").isGreaterThanOrEqualTo(TOP3_FLOOR);
    }
}
