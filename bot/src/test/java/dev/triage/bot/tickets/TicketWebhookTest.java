package dev.triage.bot.tickets;

import static dev.triage.bot.tickets.TicketHarness.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.triage.bot.config.TicketSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A case POSTed to a stand-in webhook receiver, signed, retried on 5xx and timeouts. */
class TicketWebhookTest {
    private static final String SECRET = "whsec-test-0123456789";
    @TempDir
    Path data;

    private static TicketSettings webhook(StandIn standIn) {
        return TicketSettings.none().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withWebhook(new TicketSettings.Webhook(standIn.url() + "/hooks/triage", SECRET));
    }

    @Test
    void theCaseJsonArrivesSignedAndASecondSendNamesTheTicket() throws Exception {
        try (StandIn hook = new StandIn(
                StandIn.Answer.json(200, "{\"key\":\"T-77\",\"url\":\"https://tickets.example/T-77\"}"),
                StandIn.Answer.json(204, ""));
                TicketHarness bot = new TicketHarness(data, webhook(hook))) {
            String id = bot.openCase();
            String caseJson = bot.get("/cases/" + id + ".json").body();

            var first = bot.send(id, Map.of("to", "webhook"));

            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(first.body())).isEqualTo(JSON.readTree("{\"to\":\"webhook\",\"key\":\"T-77\","
                    + "\"url\":\"https://tickets.example/T-77\",\"action\":\"created\"}"));
            StandIn.Received delivery = hook.received().get(0);
            assertThat(delivery.method()).isEqualTo("POST");
            assertThat(delivery.pathAndQuery()).isEqualTo("/hooks/triage");
            assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
            assertThat(delivery.header("X-Triage-Case")).isEqualTo(id);
            assertThat(delivery.header("Authorization")).isNull();
            assertThat(JSON.readTree(delivery.body())).isEqualTo(JSON.readTree(caseJson));
            assertThat(delivery.body()).contains("[x](javascript:alert(1))");
            assertSigned(delivery);

            var second = bot.send(id, Map.of());

            assertThat(JSON.readTree(second.body()).path("action").asText()).isEqualTo("commented");
            StandIn.Received again = hook.received().get(1);
            assertThat(again.header("X-Triage-Ticket")).isEqualTo("T-77");
            assertSigned(again);
            assertThat(JSON.readTree(again.body()).path("facts").findValuesAsText("key")).contains("T-77");
        }
    }

    @Test
    void aReceiverThatNamesNoTicketGetsTheCaseAsTheKey() throws Exception {
        try (StandIn hook = new StandIn(StandIn.Answer.json(202, "accepted"));
                TicketHarness bot = new TicketHarness(data, webhook(hook))) {
            String id = bot.openCase();

            var sent = bot.send(id, Map.of());

            assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("{\"to\":\"webhook\",\"key\":\"" + id
                    + "\",\"url\":\"http://localhost:8080/cases/" + id + "\",\"action\":\"created\"}"));
        }
    }

    @Test
    void serverErrorsAreRetriedWithTheSameDeliveryId() throws Exception {
        try (StandIn hook = new StandIn(StandIn.Answer.json(503, ""), StandIn.Answer.json(502, ""),
                StandIn.Answer.json(200, "{}"));
                TicketHarness bot = new TicketHarness(data, webhook(hook))) {
            String id = bot.openCase();

            var sent = bot.send(id, Map.of());

            assertThat(sent.statusCode()).isEqualTo(201);
            assertThat(hook.received()).hasSize(3)
                    .extracting(r -> r.header("X-Triage-Delivery")).containsOnly(hook.received().get(0)
                            .header("X-Triage-Delivery"));
            hook.received().forEach(TicketWebhookTest::assertSigned);
        }
    }

    @Test
    void threeFailuresReachTheCallerAndTheCaseIsIntact() throws Exception {
        try (StandIn hook = new StandIn(StandIn.Answer.json(500, ""));
                TicketHarness bot = new TicketHarness(data, webhook(hook))) {
            String id = bot.openCase();
            JsonNode before = bot.facts(id);

            var sent = bot.send(id, Map.of());

            assertThat(sent.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(sent.body()).path("error").asText())
                    .startsWith("The webhook answered 500 (3 attempts). The case is unchanged; try again");
            assertThat(hook.received()).hasSize(3);
            assertThat(bot.facts(id)).isEqualTo(before);
        }
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        try (StandIn hook = new StandIn(StandIn.Answer.json(400, "{}"));
                TicketHarness bot = new TicketHarness(data, webhook(hook))) {
            String id = bot.openCase();

            var sent = bot.send(id, Map.of());

            assertThat(sent.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(sent.body()).path("error").asText())
                    .isEqualTo("The webhook answered 400. The case is unchanged; fix the cause, then send it again.");
            assertThat(hook.received()).hasSize(1);
        }
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutThreeTimes() throws Exception {
        try (StandIn hook = new StandIn(new StandIn.Answer(200, "{}", 2_500));
                TicketHarness bot = new TicketHarness(data, webhook(hook))) {
            String id = bot.openCase();

            var sent = bot.send(id, Map.of());

            assertThat(sent.statusCode()).isEqualTo(502);
            assertThat(JSON.readTree(sent.body()).path("error").asText())
                    .startsWith("The webhook timed out after 1 s (3 attempts).");
            assertThat(hook.received()).hasSize(3);
            assertThat(TicketJiraTest.ticketFacts(bot.facts(id))).isEmpty();
        }
    }

    @Test
    void theSignatureVerifiesOnlyWithTheSecretTheBodyAndAFreshTimestamp() {
        String header = WebhookSignature.header(SECRET, 1_700_000_000L, "{\"a\":1}");

        assertThat(WebhookSignature.verify(SECRET, header, "{\"a\":1}", 1_700_000_100L, 300)).isTrue();
        assertThat(WebhookSignature.verify("other", header, "{\"a\":1}", 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, "{\"a\":2}", 1_700_000_100L, 300)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, header, "{\"a\":1}", 1_700_001_000L, 300)).isFalse();
    }

    /** Verifies the signature the way the README tells a receiver to, independently of Triage's own code. */
    static void assertSigned(StandIn.Received delivery) {
        String header = delivery.header("X-Triage-Signature");
        assertThat(header).matches("t=[0-9]+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        assertThat(Long.parseLong(t)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset
                .offset(60L));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + delivery.body())
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(header).endsWith(",v1=" + expected);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
