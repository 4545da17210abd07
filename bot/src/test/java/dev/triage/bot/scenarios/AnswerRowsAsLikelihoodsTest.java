package dev.triage.bot.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Answer rows are likelihoods (issue 13, session 15, branches answermodel and onesided): a row says how much likelier
 * its answer is under the cause than under the others, T ln(P(answer | cause) / P(answer | another cause)), so it
 * follows what the answer means and stays within its ceiling. Made-up texts, answered through the whole engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerRowsAsLikelihoodsTest {
    private static final String OLD_CLIENT = "The remote desktop client keeps crashing when I connect, I think my client"
            + " version is too old, it worked on my other laptop with a newer version.";
    private static final String THIRD_PARTY_CLIENT_FAILS = "Our RDP client disconnects right after the login screen"
            + " with a protocol error. It worked last week.";
    /** A sign-in refused by name: the name resolved (the server answered), so working by IP points elsewhere. */
    private static final String REFUSED_BY_NAME = "The login attempt failed. Your credentials did not work when"
            + " connecting to fileserver, it worked yesterday.";
    private static final String OUTDATED = "client.outdated-app";
    private static final String DNS = "net.dns-wrong";

    private BotApplication app;

    @BeforeAll
    void start() {
        app = BotApplication.create(BotConfig.defaults());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /**
     * mstsc ships with Windows and is updated with it, so the answer that the client is mstsc weighs against an app
     * left behind (-8: none of the design half's outdated-app cases that name their client use mstsc, against 141 of
     * 238 other causes), while another client keeps that reading.
     */
    @Test
    void mstscTakesTheOldClientReadingOutOfTheTopThreeAndAnotherClientKeepsIt() {
        assertThat(ranked(OLD_CLIENT, Map.of("client-app", "other")).get(0)).isEqualTo(OUTDATED);
        List<String> mstsc = ranked(OLD_CLIENT, Map.of("client-app", "mstsc"));
        assertThat(mstsc.subList(0, 3)).as("at -3 it stayed third").doesNotContain(OUTDATED);
    }

    /**
     * "The app I connect with updated shortly before it broke" is the story of an update regression (the labelling
     * convention: a client's own update that broke a working setup), not of an app left behind, which by definition
     * did not update. The answer lifted the old-client reading +3 until session 15; now it leaves it where the rest of
     * the evidence put it, measured against a cause the answer says nothing about.
     */
    @Test
    void theAppsOwnUpdateDoesNotLiftTheOldClientReading() {
        double before = oldClientOverNla(Map.of("client-app", "other"));
        double after = oldClientOverNla(Map.of("client-app", "other", "recent-update", "app"));
        assertThat(after).as("at +3 the app's update raised it by a factor e^(3/3.5)").isLessThanOrEqualTo(before * 1.01);
    }

    @Test
    void theUpdateReadingLeadsTheOldClientAfterTheAnswer() {
        List<String> ranked = ranked(THIRD_PARTY_CLIENT_FAILS, Map.of("client-app", "other", "recent-update", "app"));
        assertThat(ranked).contains("update.regression");
        assertThat(ranked.indexOf("update.regression")).isLessThan(indexOrEnd(ranked, OUTDATED));
    }

    /**
     * "The IP works where the name fails" is also what a certificate issued to the name, Kerberos by name or a saved
     * credential bound to the name show, so the answer may lift name resolution no further than its ceiling allows:
     * T ln(1/P(yes | another cause)) = +8 for one in ten, not +12. At +12 the answer put DNS first over a refused
     * sign-in by name.
     */
    @Test
    void theIpWorkingDoesNotPutNameResolutionOverASignInRefusal() {
        List<String> ranked = ranked(REFUSED_BY_NAME, Map.of("ip-works", "yes"));
        assertThat(ranked.get(0)).as("at +12 the answer put DNS first").isNotEqualTo(DNS);
        assertThat(ranked.subList(0, 3)).contains(DNS);
    }

    /** The old-client reading's confidence over NLA's, a cause the update answer does not weigh. */
    private double oldClientOverNla(Map<String, String> answers) {
        List<Reply.Cause> causes = causes(THIRD_PARTY_CLIENT_FAILS, answers);
        return confidence(causes, OUTDATED) / confidence(causes, "nla.mismatch");
    }

    private static double confidence(List<Reply.Cause> causes, String id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().confidence();
    }

    private static int indexOrEnd(List<String> ranked, String id) {
        return ranked.contains(id) ? ranked.indexOf(id) : ranked.size();
    }

    private List<String> ranked(String paste, Map<String, String> answers) {
        return causes(paste, answers).stream().map(Reply.Cause::id).toList();
    }

    private List<Reply.Cause> causes(String paste, Map<String, String> answers) {
        return app.engine().reply(new CaseState(List.of(paste), answers, Optional.empty(), List.of())).causes();
    }
}
