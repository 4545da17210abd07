package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.CaseState;
import dev.triage.rules.Softmax;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Everything tuned on, together: the found batch, the former held-out batch and batch C's development half. Guards
 * what tuning bought (regression floors), that the confidences stay calibrated, that the softmax constants are still
 * the ones that fit, and that answering Triage's questions does not make the ranking worse.
 *
 * <p>Measured when written (docs/accuracy.md): 85 cases, top-1 67.1 %, top-3 84.7 %, ECE 0.161, log-loss 1.421 nats
 * at the fitted constants; in dialogue (three questions) top-1 and top-3 unchanged. The bounds sit a few points away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevelopmentSetTest {
    /**
     * Lowered from 0.62 on 2026-12-06: removing 24 mechanisms that only one development case's wording triggered
     * (issue 13, item 4) cost exactly the cases they were fitted to; held-out batch C did not move (docs/accuracy.md).
     */
    private static final double TOP1_FLOOR = 0.56;
    private static final double TOP3_FLOOR = 0.80;
    /** The stated top-1 confidence may be off the observed accuracy by this much on average, no more. */
    private static final double MAX_ECE = 0.20;
    /**
     * Three questions must raise top-1 by at least this much (issue 13, item 1: 59.5 % -> 63.1 % on these cases when
     * the planner and answer weights were reworked; docs/accuracy.md). Branch precision (issue 13, generic words
     * weakened) moved three of these cases to first place from the text alone that the answers used to fix, so the
     * text-only top-1 rose 67.9 % -> 70.2 % while the answered top-1 stayed at 70.2 %: the floor is now that answers
     * do not lose ground; the lead restores a gain floor once the reworked questions (branch dialogue2) are merged.
     */
    private static final double DIALOGUE_GAIN_FLOOR = 0.0;
    /** Refit when the constants lose more than this much log-loss to the best ones. */
    private static final double MAX_LOG_LOSS_GAP = 0.05;

    private final List<EvalCase> cases = new ArrayList<>();
    private BotApplication app;
    private Evaluation textOnly;

    @BeforeAll
    void load() {
        app = BotApplication.create(BotConfig.defaults());
        for (String file : List.of("/eval/rdp-found-cases.jsonl", "/eval/rdp-heldout-cases.jsonl",
                "/eval/rdp-batch-c-dev.jsonl")) {
            LabelledCaseFile labelled = LabelledCaseFile.read(file);
            labelled.assertAnswersFit(app.engine().diagnoser());
            cases.addAll(labelled.cases());
        }
        textOnly = Evaluation.run(cases, c -> Ranked.of(app.engine()
                .reply(new CaseState(List.of(c.text()), Map.of(), Optional.empty(), List.of()))));
        System.out.println("Development set\n" + textOnly.report());
    }

    @AfterAll
    void close() {
        app.close();
    }

    @Test
    void rankingStaysAboveTheFloors() {
        assertThat(textOnly.top1()).as("top-1").isGreaterThanOrEqualTo(TOP1_FLOOR);
        assertThat(textOnly.top3()).as("top-3").isGreaterThanOrEqualTo(TOP3_FLOOR);
    }

    @Test
    void statedConfidenceMatchesObservedAccuracy() {
        assertThat(textOnly.reliability().expectedCalibrationError()).as(textOnly.reliability().report())
                .isLessThanOrEqualTo(MAX_ECE);
    }

    @Test
    void softmaxConstantsStillFitTheCases() {
        int causes = app.engine().diagnoser().causeIds().size();
        Softmax now = app.engine().diagnoser().softmax();
        CalibrationFit current = CalibrationFit.at(textOnly.results(), causes, now.temperature(), now.unexplained());
        CalibrationFit best = CalibrationFit.fit(textOnly.results(), causes);

        assertThat(current.logLoss() - best.logLoss()).as("now %s; best %s", current.report(), best.report())
                .isLessThanOrEqualTo(MAX_LOG_LOSS_GAP);
    }

    @Test
    void answeringQuestionsDoesNotMakeTheRankingWorse() {
        DialogueEvaluation dialogue = DialogueEvaluation.run(cases, 3, app.engine()::reply);
        System.out.println("Development set in dialogue\n" + dialogue.report());

        assertThat(dialogue.after().top1()).isGreaterThanOrEqualTo(dialogue.before().top1());
        assertThat(dialogue.after().top3()).isGreaterThanOrEqualTo(dialogue.before().top3());
        assertThat(dialogue.after().top1() - dialogue.before().top1()).as("what the answers buy (3.6 points when written)")
                .isGreaterThanOrEqualTo(DIALOGUE_GAIN_FLOOR);
        assertThat(dialogue.questionsAsked()).isLessThanOrEqualTo(3 * cases.size());
    }
}
