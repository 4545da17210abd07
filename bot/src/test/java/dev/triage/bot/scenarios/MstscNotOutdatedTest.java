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
 * mstsc ships with Windows and is updated with it, so the answer that the client is mstsc weighs against an app left
 * behind (-8: none of the design half's outdated-app cases that name their client use mstsc, against 141 of 238 other
 * causes; session 15, branch answermodel), while another client keeps that reading. Made-up text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MstscNotOutdatedTest {
    private static final String OLD_CLIENT = "The remote desktop client keeps crashing when I connect, I think my client"
            + " version is too old, it worked on my other laptop with a newer version.";

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
    void mstscTakesTheOldClientReadingOutOfTheTopThreeAndAnotherClientKeepsIt() {
        assertThat(ranked(Map.of("client-app", "other")).get(0)).isEqualTo("client.outdated-app");
        List<String> mstsc = ranked(Map.of("client-app", "mstsc"));
        assertThat(mstsc.subList(0, 3)).as("at -3 it stayed third").doesNotContain("client.outdated-app");
    }

    private List<String> ranked(Map<String, String> answers) {
        Reply reply = app.engine().reply(new CaseState(List.of(OLD_CLIENT), answers, Optional.empty(), List.of()));
        return reply.causes().stream().map(Reply.Cause::id).toList();
    }
}
