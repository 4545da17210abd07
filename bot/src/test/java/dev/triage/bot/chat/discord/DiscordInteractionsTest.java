package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.BotConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed interactions end to end in one server: Triage's HTTP server, the Discord adapter, the chat core and H2,
 * with Discord's API a stand-in on loopback. Each test uses interactions of its own.
 */
class DiscordInteractionsTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HELPDESK = "700000000000000009";

    @TempDir
    static Path data;
    static DiscordHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new DiscordHarness(BotConfig.defaults().withDataDir(data), List.of(), List.of(HELPDESK));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void aPingIsAnsweredWithPong() throws Exception {
        HttpResponse<String> r = h.post(DiscordStandIn.JSON.createObjectNode().put("id", "1").put("type", 1)
                .put("application_id", DiscordStandIn.APP).put("token", "t").put("version", 1));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(DiscordStandIn.JSON.readTree(r.body())).isEqualTo(DiscordStandIn.JSON.readTree("{\"type\":1}"));
    }

    @Test
    void theCommandIsDeferredAtOnceThenItsMessageBecomesTheAnswerWithButtonsAndTheCaseLink() throws Exception {
        ObjectNode command = DiscordHarness.command("700000000000000001", DiscordHarness.DIALOG);

        long started = System.nanoTime();
        HttpResponse<String> ack = h.post(command);
        long ackMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(DiscordStandIn.JSON.readTree(ack.body()).path("type").asInt()).isEqualTo(5);
        assertThat(ackMillis).isLessThan(3_000);
        DiscordStandIn.Call answer = h.discord.await(c -> c.path().contains(DiscordHarness.token(command))
                && c.shown().contains("Likely causes"), WAIT);
        assertThat(answer.method()).isEqualTo("PATCH");
        assertThat(answer.path()).isEqualTo("/webhooks/" + DiscordStandIn.APP + "/" + DiscordHarness.token(command)
                + "/messages/@original");
        assertThat(answer.authorization()).as("interaction webhooks take no bot token").isEmpty();
        assertThat(answer.body().path("allowed_mentions").toString()).isEqualTo("{\"parse\":[]}");
        List<JsonNode> buttons = DiscordHarness.buttons(answer.body());
        assertThat(buttons.get(0).path("custom_id").asText()).startsWith("triage_answer:");
        String caseId = newestCase();
        assertThat(buttons.get(buttons.size() - 1).path("url").asText())
                .isEqualTo(h.app.config().publicUrl() + "/cases/" + caseId);
        assertThat(DiscordMessages.shownLength(answer.body())).isLessThanOrEqualTo(DiscordMessages.MAX_EMBEDS_TOTAL);
    }

    @Test
    void unsignedForgedTamperedStaleAndGarbageSignaturesGet401AndStoreNothing() throws Exception {
        ObjectNode command = DiscordHarness.command("700000000000000002", DiscordHarness.DIALOG);
        String body = command.toString();
        int cases = caseCount();
        int calls = h.discord.calls().size();
        DiscordHarness.Keys other = DiscordHarness.Keys.generate();

        assertThat(h.post(body, b -> b).statusCode()).as("unsigned").isEqualTo(401);
        assertThat(h.post(body, other.signed(body, Instant.now())).statusCode()).as("forged").isEqualTo(401);
        assertThat(h.post(body.replace("0x904", "0x905"), h.keys.signed(body, Instant.now())).statusCode())
                .as("signature of another body").isEqualTo(401);
        assertThat(h.post(body, h.keys.signed(body, Instant.now().minusSeconds(301))).statusCode())
                .as("stale").isEqualTo(401);
        assertThat(h.post(body, b -> b.header("X-Signature-Timestamp", Long.toString(Instant.now()
                .getEpochSecond())).header("X-Signature-Ed25519", "zz" + "00".repeat(63))).statusCode())
                .as("not hex").isEqualTo(401);
        HttpResponse<String> refused = h.post(body, b -> b);
        assertThat(refused.body()).contains("not signed by Discord");
        Thread.sleep(300);

        assertThat(caseCount()).isEqualTo(cases);
        assertThat(h.discord.calls()).hasSize(calls);
        // The refused requests did not record the interaction id: the genuine delivery is still answered.
        assertThat(h.post(command).statusCode()).isEqualTo(200);
        h.discord.await(c -> c.path().contains(DiscordHarness.token(command)), WAIT);
    }

    @Test
    void aReplayedInteractionGetsNoSecondAnswerAndNoSecondCase() throws Exception {
        ObjectNode command = DiscordHarness.command("700000000000000003", DiscordHarness.DIALOG);
        int cases = caseCount();
        assertThat(h.post(command).statusCode()).isEqualTo(200);
        h.discord.await(c -> c.path().contains(DiscordHarness.token(command)), WAIT);

        HttpResponse<String> replay = h.post(command);
        Thread.sleep(800);

        // The worker, not the request thread, records the interaction id: the replay is deferred like the original
        // but never answered.
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(h.discord.edits(DiscordHarness.token(command))).hasSize(1);
        assertThat(caseCount()).isEqualTo(cases + 1);
    }

    @Test
    void theCommandWithoutTextOpensAModalWhoseSubmissionOpensTheCase() throws Exception {
        HttpResponse<String> r = h.post(DiscordHarness.command("700000000000000004", null));
        JsonNode modal = DiscordStandIn.JSON.readTree(r.body());
        assertThat(modal.path("type").asInt()).isEqualTo(9);
        assertThat(modal.path("data").path("custom_id").asText()).isEqualTo(DiscordMessages.PASTE_MODAL);
        JsonNode input = modal.path("data").path("components").get(0).path("components").get(0);
        assertThat(input.path("style").asInt()).as("paragraph").isEqualTo(2);
        assertThat(input.path("max_length").asInt()).isEqualTo(4_000);

        ObjectNode submit = DiscordHarness.interaction(5, "700000000000000004");
        submit.putObject("data").put("custom_id", DiscordMessages.PASTE_MODAL).putArray("components").addObject()
                .put("type", 1).putArray("components").addObject().put("type", 4).put("custom_id", "error")
                .put("value", "mstsc said:\n" + DiscordHarness.DIALOG + "\nafter the update");
        HttpResponse<String> deferred = h.post(submit);

        assertThat(DiscordStandIn.JSON.readTree(deferred.body()).path("type").asInt()).isEqualTo(5);
        h.discord.await(c -> c.path().contains(DiscordHarness.token(submit)) && c.shown().contains("0x904"), WAIT);
    }

    @Test
    void theRequestersClickUpdatesItsMessageWithType7ThenTheMessageIsReRanked() throws Exception {
        String user = "700000000000000005";
        Opened opened = open(user);
        JsonNode button = DiscordHarness.buttons(opened.answer.body()).get(0);
        String questionId = button.path("custom_id").asText().split(":")[1];
        ObjectNode click = DiscordHarness.click(user, opened.answer, opened.messageId, button.path("custom_id")
                .asText());

        HttpResponse<String> r = h.post(click);

        JsonNode update = DiscordStandIn.JSON.readTree(r.body());
        assertThat(update.path("type").asInt()).isEqualTo(7);
        // The label is shown as Markdown, where Discord drops the backslash before an escaped character.
        assertThat(update.path("data").path("content").asText().replaceAll("\\\\(\\p{Punct})", "$1"))
                .contains("<@" + user + "> answered").contains(button.path("label").asText());
        assertThat(update.path("data").toString()).doesNotContain("triage_answer:").contains("/cases/");
        assertThat(update.path("data").path("allowed_mentions").toString()).isEqualTo("{\"parse\":[]}");
        DiscordStandIn.Call reranked = h.discord.await(c -> c.path().contains(DiscordHarness.token(click))
                && c.shown().contains("Likely causes"), WAIT);
        assertThat(reranked.shown()).doesNotContain("triage_answer:" + questionId + ":");
        assertThat(h.app.chatCore().conversations().view(opened.caseId).orElseThrow().state().answers())
                .containsKey(questionId);
        // A click's interaction id is still recorded before its response, which depends on what is stored.
        assertThat(h.post(click).statusCode()).as("the click replayed").isEqualTo(409);
    }

    @Test
    void someoneElsesClickIsRefusedPrivatelyAndASecondAnswerToTheSameQuestionToo() throws Exception {
        String user = "700000000000000006";
        Opened opened = open(user);
        String first = DiscordHarness.buttons(opened.answer.body()).get(0).path("custom_id").asText();
        String second = DiscordHarness.buttons(opened.answer.body()).get(1).path("custom_id").asText();

        JsonNode stranger = DiscordStandIn.JSON.readTree(h.post(DiscordHarness.click("700000000000000099",
                opened.answer, opened.messageId, first)).body());
        JsonNode byHelpdesk = DiscordStandIn.JSON.readTree(h.post(DiscordHarness.click(HELPDESK, opened.answer,
                opened.messageId, first)).body());
        JsonNode again = DiscordStandIn.JSON.readTree(h.post(DiscordHarness.click(user, opened.answer,
                opened.messageId, second)).body());

        assertThat(stranger.path("type").asInt()).isEqualTo(4);
        assertThat(stranger.path("data").path("flags").asInt()).as("ephemeral").isEqualTo(64);
        assertThat(stranger.path("data").path("content").asText()).contains("Only <@" + user + ">");
        assertThat(byHelpdesk.path("type").asInt()).isEqualTo(7);
        assertThat(again.path("type").asInt()).isEqualTo(4);
        assertThat(again.path("data").path("content").asText()).contains("answered already");
    }

    @Test
    void aRateLimitedEditIsSentAgainAfterRetryAfter() throws Exception {
        h.discord.rateLimit(1);
        ObjectNode command = DiscordHarness.command("700000000000000007", DiscordHarness.DIALOG);

        h.post(command);

        h.discord.await(c -> h.discord.edits(DiscordHarness.token(command)).size() == 2, WAIT);
        List<DiscordStandIn.Call> edits = h.discord.edits(DiscordHarness.token(command));
        assertThat(edits.get(1).body()).isEqualTo(edits.get(0).body());
        assertThat(Duration.between(edits.get(0).at(), edits.get(1).at())).isGreaterThanOrEqualTo(
                Duration.ofMillis(350));
    }

    /** A case opened by {@code user}: its answer as edited in, the message's id, the case id. */
    record Opened(DiscordStandIn.Call answer, String messageId, String caseId) {
    }

    static Opened open(String user) throws Exception {
        ObjectNode command = DiscordHarness.command(user, DiscordHarness.DIALOG);
        h.post(command);
        DiscordStandIn.Call answer = h.discord.await(c -> c.path().contains(DiscordHarness.token(command))
                && c.shown().contains("Likely causes"), WAIT);
        String messageId = h.discord.messageIdOf(DiscordHarness.token(command));
        return new Opened(answer, messageId, h.linkedCase(messageId, WAIT));
    }

    static String newestCase() {
        return h.app.chatCore().conversations().cases("", 0, 1).get(0).caseId();
    }

    static int caseCount() {
        return h.app.chatCore().conversations().cases("", 0, 1_000).size();
    }
}
