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
 * "The app I connect with updated shortly before it broke" is the story of an update regression (the labelling
 * convention: a client's own update that broke a working setup), not of an app left behind, which by definition did
 * not update. The answer lifted the old-client reading +3 until session 15 (branch onesided); now it leaves it where
 * the rest of the evidence put it, against a cause the answer says nothing about. Made-up text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpdatedAppNotOutdatedTest {
    private static final String THIRD_PARTY_CLIENT_FAILS = "Our RDP client disconnects right after the login screen"
            + " with a protocol error. It worked last week.";

    private BotApplication app;

    @BeforeAll
    void start() {
        app = BotApplication.create(BotConfig.defaults());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void theAppsOwnUpdateDoesNotLiftTheOldClientReading() {
        double before = oldClientOverNla(Map.of("client-app", "other"));
        double after = oldClientOverNla(Map.of("client-app", "other", "recent-update", "app"));
        assertThat(after).as("at +3 the app's update raised it by a factor e^(3/3.5)").isLessThanOrEqualTo(before * 1.01);
    }

    @Test
    void theUpdateReadingLeadsTheOldClientAfterTheAnswer() {
        List<String> ranked = causes(Map.of("client-app", "other", "recent-update", "app")).stream()
                .map(Reply.Cause::id).toList();
        assertThat(ranked).contains("update.regression");
        assertThat(ranked.indexOf("update.regression")).isLessThan(indexOrEnd(ranked, "client.outdated-app"));
    }

    /** The old-client reading's confidence over NLA's, a cause the update answer does not weigh. */
    private double oldClientOverNla(Map<String, String> answers) {
        List<Reply.Cause> causes = causes(answers);
        return confidence(causes, "client.outdated-app") / confidence(causes, "nla.mismatch");
    }

    private static double confidence(List<Reply.Cause> causes, String id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().confidence();
    }

    private static int indexOrEnd(List<String> ranked, String id) {
        return ranked.contains(id) ? ranked.indexOf(id) : ranked.size();
    }

    private List<Reply.Cause> causes(Map<String, String> answers) {
        return app.engine().reply(new CaseState(List.of(THIRD_PARTY_CLIENT_FAILS), answers, Optional.empty(), List.of()))
                .causes();
    }
}
