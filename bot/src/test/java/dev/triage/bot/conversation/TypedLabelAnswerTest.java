package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.rules.Question;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Some options have labels longer than a short reply ("Windows Server (one admin, or a Remote Desktop Session Host)"),
 * and people copy a label as their answer: the label answers, while a longer line of the same length class stays text.
 */
class TypedLabelAnswerTest {
    static final Identity USER = new Identity(Surface.WEB, "", "u1", "", "", Optional.empty());
    static final String DIALOG = "This computer can't connect to the remote computer. Error code: 0x904 Extended error"
            + " code: 0x7";
    @TempDir
    Path data;
    BotApplication app;

    @BeforeEach
    void start() {
        app = BotApplication.create(BotConfig.defaults().withDataDir(data));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aCopiedLongLabelAnswersThePendingQuestion() {
        Conversations conversations = app.chatCore().conversations();
        Reply first = ((TurnOutcome.Replied) conversations.open(USER, DIALOG)).reply();
        Question asked = first.questions().get(0);
        Question.Option longest = asked.options().stream()
                .max((a, b) -> Integer.compare(a.label().length(), b.label().length())).orElseThrow();
        assertThat(longest.label().length()).as("the first question has a long label").isGreaterThan(40);
        String caseId = first.caseId().orElseThrow();

        conversations.say(caseId, USER, longest.label());

        assertThat(conversations.view(caseId).orElseThrow().state().answers())
                .containsEntry(asked.id(), longest.value());
    }

    @Test
    void aLongLineThatIsNoLabelStaysText() {
        Conversations conversations = app.chatCore().conversations();
        Reply first = ((TurnOutcome.Replied) conversations.open(USER, DIALOG)).reply();
        String caseId = first.caseId().orElseThrow();

        conversations.say(caseId, USER, "It is a Windows Server that two admins use to run our payroll jobs");

        assertThat(conversations.view(caseId).orElseThrow().state().answers()).isEmpty();
        assertThat(conversations.texts(caseId)).hasSize(2);
    }
}
