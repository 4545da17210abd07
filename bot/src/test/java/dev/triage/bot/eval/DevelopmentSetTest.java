package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.CaseState;
import dev.triage.rules.Softmax;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Everything tuned on, together: all forty-eight labelled files, the found batch, the former held-out batch and batches C
 * to Y whole (each held-out half was measured once and then joined the development data; the halves of I and J were
 * measured at the end of the first round of 2026-12-07's fourth session). Guards what tuning bought (regression
 * floors), that the stated confidences never claim more than these tuned cases show and stay calibrated on the
 * recorded first measurements of held-out halves (cases no rule was tuned on) with one half left out of the fit, that
 * the constants are still the ones that fit, and that answering Triage's questions does not make the ranking worse.
 *
 * <p>Measured when written (docs/accuracy.md, 2026-12-07, session 7): 337 cases, top-1 67.1 %, top-3 80.7 %; after
 * up to three questions top-1 68.5 %, top-3 82.5 %. Session 8 (batch K joined): 375 cases, 67.2 % / 80.5 %, after
 * questions 68.5 % / 82.7 %. The floors sit two to three points below. Since session 8 the first cause's level is
 * fitted on the recorded cases: ECE 0.102 here (all modesty), 0.047 on the 154 recorded. Session 9 (batch L joined):
 * 409 cases, 68.7 % / 80.9 %, after questions 70.2 % / 83.6 %; 0.058 on the 174 recorded, leaving one half out.
 * Session 10 (batch M joined): 444 cases, 69.4 % / 84.7 %, after questions 70.9 % / 86.5 %; 0.055 on the 193 recorded;
 * after that session's second round 70.0 % / 85.4 %, after questions 72.5 % / 87.4 %. Batch N joined at its end:
 * 469 cases, 69.5 % / 84.6 %, after questions 71.9 % / 86.6 %; 0.037 on the 203 recorded. Session 11 (batch O joined at
 * its end): 495 cases, 70.3 % / 85.1 %, after questions 72.7 % / 88.1 %; 0.040 on the 215 recorded. Session 12 (batches P
 * and Q joined at its end): 528 cases, 69.5 % / 83.9 %, after questions 72.0 % / 86.6 %; 0.031 on the 227 recorded.
 * Session 13 (batches R and S joined at its end): 562 cases, 70.6 % / 83.6 %, after questions 72.2 % / 85.9 %; 0.041
 * on the 242 recorded. Session 14 (batch T joined at its end): 582 cases, 70.8 % / 83.7 %, after questions 72.3 % /
 * 86.1 %; 0.027 on the 254 recorded. Session 15 (batches U and V joined): 607 cases, 71.3 % / 83.9 %, after questions
 * 73.1 % / 85.7 %; 0.044 on the 258 recorded. Session 16 (batches W, X and Y joined at its end): 641 cases, 71.3 % /
 * 83.0 %, after questions 73.2 % / 84.9 %; 0.031 on the 274 recorded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevelopmentSetTest {
    /**
     * Set on 2026-12-07 from 70.6 % / 81.3 % on 252 cases; top-1 lowered to 65 % when the 85 harder cases of batches
     * G to J joined (337 cases: 67.1 % / 80.7 %).
     */
    private static final double TOP1_FLOOR = 0.65;
    private static final double TOP3_FLOOR = 0.78;
    /**
     * On the recorded first measurements of held-out halves (cases no rule was tuned on), the stated top-1 confidence
     * may be off the observed accuracy by this much on average, leaving one half out of the fit. Measured 0.047 on the
     * 133 recorded cases when the constants were first fitted there (2026-12-07, session 8; the constants fitted on the
     * development cases alone: 0.103 in sample), 0.054 on 154 once batch K's held-out half was recorded, 0.058 on 174 with batch L's,
     * 0.055 on 193 with batch M's, 0.037 on 203 with batch N's, 0.040 on 215 with batch O's, 0.031 on 227 with P's and Q's, 0.041 on 242 with R's and S's,
     * 0.027 on 254 with T's, 0.044 on 258 with U's, 0.031 on 274 with W's, X's and Y's.
     * Refit with {@code ./triage eval --fit --records} when this fails.
     */
    private static final double MAX_ECE_UNSEEN = 0.10;
    /**
     * No band of stated confidence may claim more than the development cases show, by more than this. The rules were
     * tuned on these cases, so their leaders are right more often than a new case's: a confidence above what they show
     * is above what any case deserves. (Below is expected: 0.091 ECE, all of it modesty, when set.)
     */
    private static final double MAX_OVERSTATEMENT = 0.05;
    /**
     * Three questions must raise top-1 by at least this much: 70.9 % -> 72.5 % on the 182 cases when written (three
     * cases). The answers the threads state are mostly the client app, so the gain is small; it must not vanish.
     * Raised on 2026-12-07 (branch dialogue3: answers checked against each case's own fields, shares re-measured, the
     * named clients' own faults proposed): 70.9 % -> 74.2 % on these cases, a floor two points below that gain.
     * Lowered on 2026-12-07 when batches F, G and H joined (252 cases): the new cases state little the questions
     * ask, so the gain measured 70.6 % -> 71.4 % (two cases); the floor is one case: it must not vanish.
     * Raised on 2026-12-07 (branch dialogue4: a question people can often answer is asked when its answer splits the
     * leaders): 70.6 % -> 72.2 % (four cases); the floor is three.
     * Rescaled on 2026-12-07 (branch thirdparty): the set is 375 cases, where three cases are 0.8 points. The third-party
     * server families rank one more case first from the text alone (67.2 % -> 67.5 %); its answer "other clients work"
     * then reads as a client fault and moves it to third, so dialogue stays 68.5 % and the gain is four cases; the floor
     * stays three cases.
     */
    private static final double DIALOGUE_GAIN_FLOOR = 0.0080;
    /** A band with fewer cases says too little to fail on. */
    private static final int MIN_CASES_PER_BAND = 10;
    /** Rankings of the held-out halves as scored the one time each was measured (see {@link RecordedPredictions}). */
    private static final String RECORDS = "/calibration/first-measurements.jsonl";
    /** Refit when the constants lose more than this much log-loss to the best ones. */
    private static final double MAX_LOG_LOSS_GAP = 0.05;

    /**
     * Every labelled file that has been tuned on. Each held-out half (batches C to U) was measured once and joined the
     * development data after that (docs/accuracy.md); batch V's held-out half joined unmeasured, because it was
     * evaluated during development in session 15. A new batch's held-out half stays out of this list until it is.
     */
    private static final List<String> DEVELOPMENT_FILES = List.of("/eval/rdp-found-cases.jsonl",
            "/eval/rdp-heldout-cases.jsonl", "/eval/rdp-batch-c-dev.jsonl", "/eval/rdp-batch-c-heldout.jsonl",
            "/eval/rdp-batch-d-dev.jsonl", "/eval/rdp-batch-d-heldout.jsonl", "/eval/rdp-batch-e-dev.jsonl",
            "/eval/rdp-batch-e-heldout.jsonl", "/eval/rdp-batch-f-dev.jsonl", "/eval/rdp-batch-f-heldout.jsonl",
            "/eval/rdp-batch-g-dev.jsonl", "/eval/rdp-batch-g-heldout.jsonl", "/eval/rdp-batch-h-dev.jsonl",
            "/eval/rdp-batch-h-heldout.jsonl", "/eval/rdp-batch-i-dev.jsonl", "/eval/rdp-batch-i-heldout.jsonl",
            "/eval/rdp-batch-j-dev.jsonl", "/eval/rdp-batch-j-heldout.jsonl", "/eval/rdp-batch-k-dev.jsonl",
            "/eval/rdp-batch-k-heldout.jsonl", "/eval/rdp-batch-l-dev.jsonl", "/eval/rdp-batch-l-heldout.jsonl",
            "/eval/rdp-batch-m-dev.jsonl", "/eval/rdp-batch-m-heldout.jsonl",
            "/eval/rdp-batch-n-dev.jsonl", "/eval/rdp-batch-n-heldout.jsonl",
            "/eval/rdp-batch-o-dev.jsonl", "/eval/rdp-batch-o-heldout.jsonl",
            "/eval/rdp-batch-p-dev.jsonl", "/eval/rdp-batch-p-heldout.jsonl",
            "/eval/rdp-batch-q-dev.jsonl", "/eval/rdp-batch-q-heldout.jsonl",
            "/eval/rdp-batch-r-dev.jsonl", "/eval/rdp-batch-r-heldout.jsonl",
            "/eval/rdp-batch-s-dev.jsonl", "/eval/rdp-batch-s-heldout.jsonl",
            "/eval/rdp-batch-t-dev.jsonl", "/eval/rdp-batch-t-heldout.jsonl",
            "/eval/rdp-batch-u-dev.jsonl", "/eval/rdp-batch-u-heldout.jsonl",
            "/eval/rdp-batch-v-dev.jsonl", "/eval/rdp-batch-v-heldout.jsonl",
            "/eval/rdp-batch-w-dev.jsonl", "/eval/rdp-batch-w-heldout.jsonl",
            "/eval/rdp-batch-x-dev.jsonl", "/eval/rdp-batch-x-heldout.jsonl",
            "/eval/rdp-batch-y-dev.jsonl", "/eval/rdp-batch-y-heldout.jsonl");

    private final List<EvalCase> cases = new ArrayList<>();
    private final Map<String, Integer> casesPerFile = new LinkedHashMap<>();
    private BotApplication app;
    private Evaluation textOnly;

    @BeforeAll
    void load() {
        app = BotApplication.create(BotConfig.defaults());
        for (String file : DEVELOPMENT_FILES) {
            LabelledCaseFile labelled = LabelledCaseFile.read(file);
            labelled.assertAnswersFit(app.engine().diagnoser());
            cases.addAll(labelled.cases());
            casesPerFile.put(file, labelled.cases().size());
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
    void statedConfidenceNeverClaimsMoreThanTheTunedCasesShow() {
        for (Reliability.Bin band : textOnly.reliability().bins()) {
            if (band.cases() >= MIN_CASES_PER_BAND) {
                assertThat(band.meanConfidence() - band.accuracy()).as(textOnly.reliability().report())
                        .isLessThanOrEqualTo(MAX_OVERSTATEMENT);
            }
        }
    }

    /** Each recorded half is a separate collection scored before tuning: fitted without it, the constants must hold. */
    @Test
    void statedConfidenceHoldsOnCasesNoRuleWasTunedOn() {
        int causes = app.engine().diagnoser().causeIds().size();
        Softmax now = app.engine().diagnoser().softmax();
        Map<String, List<Evaluation.Result>> recorded = recorded();

        CrossValidation cv = CrossValidation.leaveOneFileOut(recorded, causes,
                training -> CalibrationFit.fitLead(textOnly.results(), training, causes, now).softmax());

        assertThat(cv.restated().reliability().expectedCalibrationError()).as(cv.report())
                .isLessThanOrEqualTo(MAX_ECE_UNSEEN);
    }

    @Test
    void leadConstantsStillFitTheRecordedCases() {
        int causes = app.engine().diagnoser().causeIds().size();
        Softmax now = app.engine().diagnoser().softmax();
        List<Evaluation.Result> unseen = recorded().values().stream().flatMap(List::stream).toList();
        CalibrationFit current = CalibrationFit.at(unseen, causes, now);
        CalibrationFit best = CalibrationFit.fitLead(textOnly.results(), unseen, causes, now);

        assertThat(current.logLoss() - best.logLoss()).as("now %s; best %s", current.report(), best.report())
                .isLessThanOrEqualTo(MAX_LOG_LOSS_GAP);
    }

    /** T and S0 are the planner's scale: with the lead fitted on these cases too, no other T and S0 fit much better. */
    @Test
    void temperatureAndUnexplainedStillFitTheCases() {
        int causes = app.engine().diagnoser().causeIds().size();
        Softmax now = app.engine().diagnoser().softmax();
        CalibrationFit held = CalibrationFit.fitLead(textOnly.results(), causes, now);
        CalibrationFit best = CalibrationFit.fit(textOnly.results(), causes);

        assertThat(held.logLoss() - best.logLoss()).as("T and S0 held %s; best %s", held.report(), best.report())
                .isLessThanOrEqualTo(MAX_LOG_LOSS_GAP);
    }

    private Map<String, List<Evaluation.Result>> recorded() {
        try {
            return new RecordedPredictions(app.json()).read(Path.of(getClass().getResource(RECORDS).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answeringQuestionsDoesNotMakeTheRankingWorse() {
        DialogueEvaluation dialogue = DialogueEvaluation.run(cases, 3, app.engine()::reply);
        System.out.println("Development set in dialogue\n" + dialogue.report());

        assertThat(dialogue.after().top1()).isGreaterThanOrEqualTo(dialogue.before().top1());
        assertThat(dialogue.after().top3()).isGreaterThanOrEqualTo(dialogue.before().top3());
        assertThat(dialogue.after().top1() - dialogue.before().top1()).as("what the answers buy (0.8 points when written)")
                .isGreaterThanOrEqualTo(DIALOGUE_GAIN_FLOOR);
        assertThat(dialogue.questionsAsked()).isLessThanOrEqualTo(3 * cases.size());
    }
}
