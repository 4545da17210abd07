package dev.triage.bot.chat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.config.BotConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authorised activities end to end: Triage's server, the stand-in login service and the stand-in Bot Connector. */
class TeamsConversationTest {
    static final String DIALOG = "Error code: 0x904 Extended error code: 0x7";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String HELPDESK = "helpdesk-1";

    @TempDir
    static Path data;
    static TeamsHarness h;

    @BeforeAll
    static void start() throws Exception {
        h = new TeamsHarness(BotConfig.defaults().withDataDir(data), List.of(HELPDESK));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void aMentionIsAcknowledgedThenAnsweredInItsThreadWithTypingCausesACardQuestionAndTheCaseLink() throws Exception {
        ObjectNode mention = h.mention("1700000001000", "user-1", DIALOG);
        String conversation = mention.path("conversation").path("id").asText();

        HttpResponse<String> ack = h.post(mention);

        assertThat(ack.statusCode()).isEqualTo(200);
        ConnectorStandIn.Call reply = h.connector.await(c -> c.conversation().equals(conversation)
                && c.text().contains("Likely causes"), WAIT);
        List<ConnectorStandIn.Call> calls = h.connector.calls(c -> c.conversation().equals(conversation));
        assertThat(calls.get(0).type()).as("typing comes first").isEqualTo("typing");
        assertThat(reply.method()).isEqualTo("POST");
        assertThat(reply.rawPath()).isEqualTo("/v3/conversations/19%3Ateam-general%40thread.tacv2%3Bmessageid%3D"
                + "1700000001000/activities/1700000001000");
        assertThat(reply.authorization()).startsWith("Bearer bot-token-");
        String caseId = caseOf(reply);
        assertThat(h.app.chatCore().conversations().view(caseId).orElseThrow().state().texts())
                .as("the mention of Triage is not part of the case").containsExactly(DIALOG);
        JsonNode card = h.connector.await(c -> c.conversation().equals(conversation) && !c.card().isMissingNode(),
                WAIT).card();
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        JsonNode action = card.path("actions").path(0);
        assertThat(action.path("type").asText()).isEqualTo("Action.Submit");
        assertThat(action.path("data").path("triage").asText()).isEqualTo("answer");
        assertThat(action.path("data").path("case").asText()).isEqualTo(caseId);
        assertThat(h.login.tokenRequests()).hasSize(1);
        assertThat(h.login.tokenRequests().get(0)).containsEntry("scope", "https://api.botframework.com/.default");
    }

    @Test
    void theRequestersCardClickAnswersRetiresTheCardAndReRanksAndASecondClickIsIgnored() throws Exception {
        ObjectNode mention = h.mention("1700000002000", "user-2", DIALOG);
        String conversation = mention.path("conversation").path("id").asText();
        h.post(mention);
        ConnectorStandIn.Call question = h.connector.await(c -> c.conversation().equals(conversation)
                && !c.card().isMissingNode(), WAIT);
        ObjectNode data = TeamsActivities.firstAnswer(question.card());
        String questionId = data.path("question").asText();
        String caseId = data.path("case").asText();

        ObjectNode click = TeamsActivities.submit(mention, "1700000002100", "user-2", question.answeredId(),
                data);
        assertThat(h.post(click).statusCode()).isEqualTo(200);

        ConnectorStandIn.Call retired = h.connector.await(c -> c.method().equals("PUT")
                && c.activityId().equals(question.answeredId()), WAIT);
        assertThat(retired.card().path("actions").isMissingNode()).as("no buttons left").isTrue();
        assertThat(retired.card().toString()).contains("Name of user-2", "answered");
        h.connector.await(c -> c.conversation().equals(conversation) && c.activityId().equals("1700000002100")
                && c.text().contains("Likely causes"), WAIT);
        assertThat(h.app.chatCore().conversations().view(caseId).orElseThrow().state().answers())
                .containsKey(questionId);

        ObjectNode again = TeamsActivities.submit(mention, "1700000002200", "user-2", question.answeredId(),
                data);
        assertThat(h.post(again).statusCode()).isEqualTo(200);
        Thread.sleep(700);
        assertThat(h.connector.calls(c -> c.activityId().equals("1700000002200"))).isEmpty();
    }

    @Test
    void someoneElsesClickIsRefusedButTheHelpdeskMayAnswer() throws Exception {
        ObjectNode mention = h.mention("1700000003000", "user-3", DIALOG);
        String conversation = mention.path("conversation").path("id").asText();
        h.post(mention);
        ConnectorStandIn.Call question = h.connector.await(c -> c.conversation().equals(conversation)
                && !c.card().isMissingNode(), WAIT);
        ObjectNode data = TeamsActivities.firstAnswer(question.card());

        h.post(TeamsActivities.submit(mention, "1700000003100", "bystander", question.answeredId(), data));
        ConnectorStandIn.Call refusal = h.connector.await(c -> c.activityId().equals("1700000003100")
                && c.type().equals("message"), WAIT);
        assertThat(refusal.text()).contains("Only the person who opened this case");
        assertThat(h.connector.calls(c -> c.method().equals("PUT") && c.activityId().equals(question.answeredId())))
                .isEmpty();

        h.post(TeamsActivities.submit(mention, "1700000003200", HELPDESK, question.answeredId(), data));
        h.connector.await(c -> c.method().equals("PUT") && c.activityId().equals(question.answeredId()), WAIT);
    }

    @Test
    void aChatIsAnsweredInlineAndARetriedDeliveryIsAnsweredOnce() throws Exception {
        ObjectNode chat = h.personal("1700000004000", "user-4", DIALOG);
        String conversation = chat.path("conversation").path("id").asText();

        assertThat(h.post(chat).statusCode()).isEqualTo(200);
        assertThat(h.post(chat).statusCode()).as("the same delivery again").isEqualTo(200);

        ConnectorStandIn.Call reply = h.connector.await(c -> c.conversation().equals(conversation)
                && c.text().contains("Likely causes"), WAIT);
        assertThat(reply.activityId()).as("inline, not under the message").isEmpty();
        Thread.sleep(700);
        assertThat(h.connector.calls(c -> c.conversation().equals(conversation) && c.text().contains("Likely")))
                .hasSize(1);

        h.post(h.personal("1700000004100", "user-4", "it is an Azure VM"));
        ConnectorStandIn.Call second = h.connector.await(c -> c.conversation().equals(conversation)
                && c.text().contains("Likely causes") && !c.answeredId().equals(reply.answeredId()), WAIT);
        assertThat(caseOf(second)).as("the chat continues its case").isEqualTo(caseOf(reply));

        h.post(h.personal("1700000004200", "user-4", "new case: " + DIALOG));
        ConnectorStandIn.Call third = h.connector.await(c -> c.conversation().equals(conversation)
                && c.text().contains("Likely causes") && !caseOf(c).equals(caseOf(reply)), WAIT);
        assertThat(h.app.chatCore().conversations().view(caseOf(third)).orElseThrow().state().texts())
                .containsExactly(DIALOG);
    }

    @Test
    void throttledAndFailingConnectorCallsAreTriedAgain() throws Exception {
        ObjectNode chat = h.personal("1700000005000", "user-5", DIALOG);
        String conversation = chat.path("conversation").path("id").asText();
        h.connector.fail(429, 1, conversation);

        h.post(chat);

        h.connector.await(c -> c.conversation().equals(conversation) && c.text().contains("Likely causes")
                && !c.answeredId().isEmpty(), WAIT);
        List<ConnectorStandIn.Call> typing = h.connector.calls(c -> c.conversation().equals(conversation)
                && c.type().equals("typing"));
        assertThat(typing).hasSize(2);
        assertThat(Duration.between(typing.get(0).at(), typing.get(1).at())).as("after Retry-After: 1")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));

        ObjectNode next = h.personal("1700000005100", "user-5", "new " + DIALOG);
        h.connector.fail(502, 2, conversation);
        h.post(next);
        h.connector.await(c -> c.conversation().equals(conversation) && c.type().equals("typing")
                && !c.answeredId().isEmpty() && c.at().isAfter(typing.get(1).at()), WAIT);
    }

    @Test
    void probesRunUnderTheTenantTheUsersAadObjectIdAndTheTeamsChannelThread() throws Exception {
        ObjectNode mention = h.mention("1700000006000", "user-6", "mstsc /v:192.0.2.10 " + DIALOG);
        String conversation = mention.path("conversation").path("id").asText();

        h.post(mention);

        String caseId = caseOf(h.connector.await(c -> c.conversation().equals(conversation)
                && c.text().contains("Likely causes"), WAIT));
        java.time.Instant end = java.time.Instant.now().plus(WAIT);
        while (h.app.store().auditTrail(caseId).isEmpty() && java.time.Instant.now().isBefore(end)) {
            Thread.sleep(50);
        }
        var audit = h.app.store().auditTrail(caseId).get(0);
        assertThat(audit.actor()).isEqualTo("teams:" + TeamsActivities.TENANT + ":user-6");
        assertThat(audit.surface()).isEqualTo("teams");
        assertThat(audit.place()).isEqualTo(TeamsActivities.TEAM + "/" + TeamsActivities.CHANNEL
                + "/1700000006000");
        assertThat(audit.decision()).as("nothing is allowed in this harness").isEqualTo("DENIED");
    }

    /** The case id of a reply, from its case link. */
    static String caseOf(ConnectorStandIn.Call reply) {
        String text = reply.text();
        int at = text.indexOf("/cases/");
        return text.substring(at + "/cases/".length(), text.indexOf(')', at));
    }
}
