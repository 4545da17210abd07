package dev.triage.bot.chat.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.DiscordSettings;
import dev.triage.bot.store.PlatformStore;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway mode end to end: Triage's application with {@code DISCORD_GATEWAY=true} logs in with JDA against a
 * REST stand-in, connects to a fake gateway on loopback (HELLO, IDENTIFY, READY, GUILD_CREATE, heartbeats), and
 * answers messages the gateway dispatches by starting threads and posting there through JDA's REST client.
 */
@Timeout(60)
class DiscordGatewayTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final String USER = "700000000000000001";
    static final String DIALOG = "Error code: 0x904 Extended error code: 0x7";
    private static final AtomicLong IDS = new AtomicLong(1_500_000_000_000_000_000L);

    @TempDir
    static Path data;
    static DiscordStandIn rest;
    static FakeGateway gateway;
    static BotApplication app;
    static int closedPort;

    @BeforeAll
    static void start() throws Exception {
        rest = new DiscordStandIn();
        gateway = new FakeGateway();
        rest.gatewayUrl(gateway::url);
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DiscordSettings discord = new DiscordSettings(Optional.of(DiscordStandIn.APP), Optional.empty(),
                Optional.of(DiscordStandIn.BOT_TOKEN), rest.apiUrl(), List.of(), List.of(), true);
        app = BotApplication.create(BotConfig.defaults().withDataDir(data).withDiscord(discord)
                .withProbesAllow(List.of("127.0.0.1/32:" + closedPort)));
        app.connectChats();
        // GUILD_CREATE follows READY on the same socket, so the server is set up once IDENTIFY was answered.
        gateway.await(p -> p.path("op").asInt() == 2, WAIT);
    }

    @AfterAll
    static void stop() {
        app.close();
        gateway.close();
        rest.close();
    }

    @Test
    void itIdentifiesWithTheBotTokenAndOnlyUnprivilegedIntentsAndKeepsHeartbeating() throws Exception {
        JsonNode identify = gateway.await(p -> p.path("op").asInt() == 2, WAIT).path("d");

        assertThat(identify.path("token").asText()).isEqualTo(DiscordStandIn.BOT_TOKEN);
        int guilds = 1;
        int guildMessages = 1 << 9;
        int directMessages = 1 << 12;
        int messageContent = 1 << 15;
        assertThat(identify.path("intents").asInt()).isEqualTo(guilds | guildMessages | directMessages);
        assertThat(identify.path("intents").asInt() & messageContent).isZero();
        assertThat(rest.calls()).anySatisfy(c -> assertThat(c.path()).isEqualTo("/gateway/bot"));
        gateway.await(p -> p.path("op").asInt() == 1, WAIT);
    }

    @Test
    void aMentionGetsAThreadOnTheMessageAndTheAnswerWithCausesButtonsAndTheCaseLinkInIt() throws Exception {
        String messageId = newId();
        gateway.dispatch("MESSAGE_CREATE", FakeGateway.mention(messageId, USER, DIALOG));

        DiscordStandIn.Call thread = rest.await(c -> c.path().equals("/channels/" + FakeGateway.CHANNEL
                + "/messages/" + messageId + "/threads"), WAIT);
        assertThat(thread.method()).isEqualTo("POST");
        assertThat(thread.authorization()).isEqualTo("Bot " + DiscordStandIn.BOT_TOKEN);
        assertThat(thread.body().path("name").asText()).isEqualTo("Triage: " + DIALOG);
        DiscordStandIn.Call answer = rest.await(c -> c.method().equals("POST")
                && c.path().equals("/channels/" + messageId + "/messages"), WAIT);
        String shown = answer.body().toString();
        assertThat(shown).contains("Likely causes", "0x904");
        assertThat(answer.body().path("allowed_mentions").path("parse")).isEmpty();
        List<JsonNode> buttons = DiscordHarness.buttons(answer.body());
        assertThat(buttons.get(0).path("custom_id").asText()).startsWith(DiscordMessages.ANSWER);
        assertThat(buttons.get(buttons.size() - 1).path("url").asText())
                .startsWith(app.config().publicUrl() + "/cases/");
    }

    @Test
    void aClickOnTheAnswerArrivesOverTheGatewayIsAnsweredByCallbackAndReRanksTheCase() throws Exception {
        String messageId = newId();
        gateway.dispatch("MESSAGE_CREATE", FakeGateway.mention(messageId, USER, DIALOG));
        DiscordStandIn.Call answer = rest.await(c -> c.method().equals("POST")
                && c.path().equals("/channels/" + messageId + "/messages"), WAIT);
        String replyId = answer.answeredId();
        String button = DiscordHarness.buttons(answer.body()).get(0).path("custom_id").asText();
        awaitLinked(new PlatformStore.ThreadKey("discord", FakeGateway.GUILD, messageId, replyId));

        ObjectNode click = click(messageId, replyId, answer.body(), button);
        gateway.dispatch("INTERACTION_CREATE", click);

        String token = click.path("token").asText();
        DiscordStandIn.Call callback = rest.await(c -> c.path().equals("/interactions/" + click.path("id")
                .asText() + "/" + token + "/callback"), WAIT);
        assertThat(callback.body().path("type").asInt()).as("UPDATE_MESSAGE: the buttons go at once").isEqualTo(7);
        assertThat(callback.body().toString()).contains("answered");
        DiscordStandIn.Call reRanked = rest.await(c -> c.method().equals("PATCH")
                && c.path().equals("/webhooks/" + DiscordStandIn.APP + "/" + token + "/messages/@original")
                && c.body().toString().contains("Likely causes"), WAIT);
        assertThat(reRanked.authorization()).isEmpty();
    }

    @Test
    void probeProgressEditsTheOneAnswerInTheThread() throws Exception {
        String messageId = newId();
        gateway.dispatch("MESSAGE_CREATE", FakeGateway.mention(messageId, USER, "mstsc /v:127.0.0.1:" + closedPort
                + " says Remote Desktop can't connect to the remote computer"));

        DiscordStandIn.Call first = rest.await(c -> c.method().equals("POST")
                && c.path().equals("/channels/" + messageId + "/messages"), WAIT);
        DiscordStandIn.Call checked = rest.await(c -> c.method().equals("PATCH")
                && c.path().startsWith("/channels/" + messageId + "/messages/")
                && c.body().toString().contains("Checked"), WAIT);
        assertThat(checked.body().toString()).contains("`tcp`", "REFUSED");
        String edited = checked.path().substring(checked.path().lastIndexOf('/') + 1);
        assertThat(rest.calls()).filteredOn(c -> c.path().startsWith("/channels/" + messageId + "/messages"))
                .allSatisfy(c -> assertThat(c.method().equals("POST") || c.path().endsWith("/" + edited)).isTrue())
                .filteredOn(c -> c.method().equals("POST")).containsExactly(first);
    }

    @Test
    void aMentionInAServerNamesNoHostInTheThreadAndTheAuthorGetsTheDetailsByDirectMessage() throws Exception {
        String asker = "700000000000000061";
        String messageId = newId();
        gateway.dispatch("MESSAGE_CREATE", FakeGateway.mention(messageId, asker, "mstsc /v:127.0.0.1:" + closedPort
                + " " + DIALOG));

        DiscordStandIn.Call thread = rest.await(c -> c.path().equals("/channels/" + FakeGateway.CHANNEL
                + "/messages/" + messageId + "/threads"), WAIT);
        rest.await(c -> c.method().equals("PATCH") && c.path().startsWith("/channels/" + messageId + "/messages/")
                && c.body().toString().contains("Checked"), WAIT);
        DiscordStandIn.Call opened = rest.await(c -> c.path().equals("/users/@me/channels")
                && c.body().path("recipient_id").asText().equals(asker), WAIT);
        DiscordStandIn.Call details = rest.await(c -> c.method().equals("POST")
                && c.path().equals("/channels/" + opened.answeredId() + "/messages"), WAIT);

        assertThat(thread.body().path("name").asText()).contains("the host").doesNotContain("127.0.0.1");
        assertThat(rest.calls()).filteredOn(c -> c.path().startsWith("/channels/" + messageId + "/messages"))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c.body().toString().replace("\\", "")).doesNotContain("127.0.0.1"));
        assertThat(details.body().path("content").asText()).startsWith("Only you can see this.");
        assertThat(details.body().toString().replace("\\", "")).contains("127.0.0.1:" + closedPort, "REFUSED",
                app.config().publicUrl() + "/cases/");
    }

    @Test
    void whenTheAuthorTakesNoDirectMessagesTheThreadSaysSoWithoutNamingTheHost() throws Exception {
        String asker = "700000000000000062";
        rest.refuseDirectMessages(asker);
        String messageId = newId();
        gateway.dispatch("MESSAGE_CREATE", FakeGateway.mention(messageId, asker, "mstsc /v:127.0.0.1:" + closedPort
                + " " + DIALOG));

        DiscordStandIn.Call said = rest.await(c -> c.method().equals("POST")
                && c.path().equals("/channels/" + messageId + "/messages")
                && c.body().path("content").asText().contains("could not send them"), WAIT);

        assertThat(rest.calls()).anySatisfy(c -> {
            assertThat(c.path()).isEqualTo("/users/@me/channels");
            assertThat(c.body().path("recipient_id").asText()).isEqualTo(asker);
        });
        assertThat(said.body().path("content").asText()).contains("case link");
        assertThat(rest.calls()).filteredOn(c -> c.path().startsWith("/channels/" + messageId + "/messages"))
                .allSatisfy(c -> assertThat(c.body().toString().replace("\\", "")).doesNotContain("127.0.0.1"));
    }

    @Test
    void messagesWithoutAMentionAndMessagesFromBotsAreIgnored() throws Exception {
        String plain = newId();
        String fromBot = newId();
        String barrier = newId();
        gateway.dispatch("MESSAGE_CREATE", FakeGateway.message(plain, USER, DIALOG).put("guild_id",
                FakeGateway.GUILD));
        ObjectNode botMessage = FakeGateway.mention(fromBot, "730000000000000001", DIALOG);
        ((ObjectNode) botMessage.get("author")).put("bot", true);
        gateway.dispatch("MESSAGE_CREATE", botMessage);
        gateway.dispatch("MESSAGE_CREATE", FakeGateway.mention(barrier, USER, DIALOG));

        // The gateway delivers in order, so once the third message is answered the first two were passed over.
        rest.await(c -> c.path().equals("/channels/" + barrier + "/messages"), WAIT);
        assertThat(rest.calls()).noneSatisfy(c -> assertThat(c.path()).containsAnyOf(plain, fromBot));
    }

    @Test
    void aDirectMessageIsAnsweredInlineWithoutAThread() throws Exception {
        String messageId = newId();
        String dmChannel = newId();
        ObjectNode direct = FakeGateway.message(messageId, USER, DIALOG).put("channel_id", dmChannel);
        gateway.dispatch("MESSAGE_CREATE", direct);

        DiscordStandIn.Call answer = rest.await(c -> c.path().equals("/channels/" + dmChannel + "/messages"),
                WAIT);
        assertThat(answer.body().toString()).contains("Likely causes");
        assertThat(rest.calls()).noneSatisfy(c -> assertThat(c.path()).contains(messageId + "/threads"));
    }

    @Test
    void aWrongBotTokenStopsTheConnectWithAMessageNamingTheSetting() {
        DiscordSettings wrong = new DiscordSettings(Optional.of(DiscordStandIn.APP), Optional.empty(),
                Optional.of("not-the-token"), rest.apiUrl(), List.of(), List.of(), true);
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try (DiscordGateway refused = new DiscordGateway(wrong, "http://localhost:8080", app.chatCore(),
                app.platformStore(), worker)) {
            assertThatThrownBy(refused::connect).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("DISCORD_BOT_TOKEN").hasMessageNotContaining("not-the-token");
        } finally {
            worker.shutdownNow();
        }
    }

    /** A click as the gateway delivers it: an INTERACTION_CREATE on the reply in the thread. */
    /** The answer's message is linked to its case just after it is posted; a person cannot click sooner. */
    private static void awaitLinked(PlatformStore.ThreadKey key) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (app.platformStore().caseOf(key).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(app.platformStore().caseOf(key)).as("the answer is linked to its case").isPresent();
    }

    private static ObjectNode click(String threadId, String replyId, JsonNode reply, String customId) {
        String id = newId();
        ObjectNode i = DiscordStandIn.JSON.createObjectNode().put("id", id)
                .put("application_id", DiscordStandIn.APP).put("type", 3).put("token", "tok-" + id)
                .put("version", 1).put("guild_id", FakeGateway.GUILD).put("channel_id", threadId)
                .put("app_permissions", Long.toString(FakeGateway.PERMISSIONS)).put("locale", "en-US")
                .put("guild_locale", "en-US").put("context", 0);
        i.putObject("guild").put("id", FakeGateway.GUILD).put("locale", "en-US").putArray("features");
        i.putObject("channel").put("id", threadId).put("type", 11).put("guild_id", FakeGateway.GUILD)
                .put("parent_id", FakeGateway.CHANNEL).put("name", "Triage");
        ObjectNode member = FakeGateway.member(i.putObject("member"))
                .put("permissions", Long.toString(FakeGateway.PERMISSIONS));
        member.putArray("roles");
        member.putObject("user").put("id", USER).put("username", "user" + USER).put("discriminator", "0")
                .putNull("avatar");
        i.putObject("data").put("custom_id", customId).put("component_type", 2);
        ObjectNode message = FakeGateway.message(replyId, DiscordStandIn.BOT, reply.path("content").asText())
                .put("channel_id", threadId);
        message.set("author", DiscordStandIn.botUser());
        // Discord gives every embed a bot sent back as a "rich" one.
        reply.path("embeds").forEach(e -> message.withArray("embeds").add(((ObjectNode) e.deepCopy())
                .put("type", "rich")));
        message.set("components", reply.path("components"));
        i.set("message", message);
        i.putArray("entitlements");
        i.putObject("authorizing_integration_owners");
        return i;
    }

    static String newId() {
        return Long.toString(IDS.incrementAndGet());
    }
}
