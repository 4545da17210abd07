package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.DiscordSettings;
import dev.triage.bot.store.PlatformStore;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Triage's real server on loopback with Discord switched on and its API pointed at a {@link DiscordStandIn}, and a
 * client that signs interactions with a key pair made for the test, as Discord signs them with the application's.
 */
final class DiscordHarness implements AutoCloseable {
    static final String GUILD = "900000000000000001";
    static final String CHANNEL = "910000000000000001";
    static final String DIALOG = "Error code: 0x904 Extended error code: 0x7";
    private static final AtomicLong IDS = new AtomicLong(1_300_000_000_000_000_000L);

    final DiscordStandIn discord;
    final BotApplication app;
    final Javalin server;
    final Keys keys;
    private final HttpClient http = HttpClient.newHttpClient();

    DiscordHarness(BotConfig base, List<String> allowedGuilds, List<String> helpdesk) throws Exception {
        discord = new DiscordStandIn();
        keys = Keys.generate();
        app = BotApplication.create(base.withDiscord(settings(keys, discord.apiUrl(), allowedGuilds, helpdesk)));
        server = app.httpApi().create().start("127.0.0.1", 0);
    }

    static DiscordSettings settings(Keys keys, String apiUrl, List<String> allowedGuilds, List<String> helpdesk) {
        return new DiscordSettings(Optional.of(DiscordStandIn.APP), Optional.of(keys.publicHex()),
                Optional.of(DiscordStandIn.BOT_TOKEN), apiUrl, allowedGuilds, helpdesk);
    }

    /** A key pair like an application's: the public half as the Developer Portal shows it, 64 hex digits. */
    record Keys(KeyPair pair) {
        static Keys generate() throws GeneralSecurityException {
            return new Keys(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        }

        String publicHex() {
            byte[] spki = pair.getPublic().getEncoded();
            return HexFormat.of().formatHex(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        }

        String sign(String timestamp, String body) {
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initSign(pair.getPrivate());
                ed25519.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(ed25519.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Discord's two headers for {@code body} sent at {@code at}. */
        UnaryOperator<HttpRequest.Builder> signed(String body, Instant at) {
            String timestamp = Long.toString(at.getEpochSecond());
            String signature = sign(timestamp, body);
            return b -> b.header("X-Signature-Timestamp", timestamp).header("X-Signature-Ed25519", signature);
        }
    }

    static String newId() {
        return Long.toString(IDS.incrementAndGet());
    }

    /** {@code /triage error:<text>} from {@code user} in the test server; its token is {@code tok-<id>}. */
    static ObjectNode command(String user, String error) {
        ObjectNode i = interaction(2, user);
        ObjectNode data = i.putObject("data").put("id", "1200000000000000001").put("name", "triage").put("type", 1);
        if (error != null) {
            data.putArray("options").addObject().put("name", "error").put("type", 3).put("value", error);
        }
        return i;
    }

    /** A click by {@code user} on a button of the message Triage's edit {@code edited} left. */
    static ObjectNode click(String user, DiscordStandIn.Call edited, String messageId, String customId) {
        ObjectNode i = interaction(3, user);
        i.putObject("data").put("custom_id", customId).put("component_type", 2);
        ObjectNode message = ((ObjectNode) edited.body().deepCopy()).put("id", messageId).put("channel_id", CHANNEL);
        i.set("message", message);
        return i;
    }

    static ObjectNode interaction(int type, String user) {
        String id = newId();
        ObjectNode i = DiscordStandIn.JSON.createObjectNode().put("id", id).put("application_id", DiscordStandIn.APP)
                .put("type", type).put("token", "tok-" + id).put("version", 1).put("guild_id", GUILD)
                .put("channel_id", CHANNEL);
        i.putObject("member").putObject("user").put("id", user).put("username", "user" + user);
        return i;
    }

    static String token(JsonNode interaction) {
        return interaction.path("token").asText();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** Posts an interaction signed now. */
    HttpResponse<String> post(JsonNode interaction) throws Exception {
        String body = interaction.toString();
        return post(body, keys.signed(body, Instant.now()));
    }

    HttpResponse<String> post(String body, UnaryOperator<HttpRequest.Builder> headers) throws Exception {
        return post(http, uri(DiscordAdapter.PATH), body, headers);
    }

    static HttpResponse<String> post(HttpClient http, URI uri, String body, UnaryOperator<HttpRequest.Builder> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(headers.apply(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The buttons of a message as Triage last sent it, in order. */
    static List<JsonNode> buttons(JsonNode message) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode row : message.path("components")) {
            row.path("components").forEach(out::add);
        }
        return out;
    }

    /** The case Triage linked its message to, once it has (just after Discord took the first edit). */
    String linkedCase(String messageId, Duration wait) throws InterruptedException {
        PlatformStore.ThreadKey key = new PlatformStore.ThreadKey(DiscordConversations.PLATFORM, GUILD, CHANNEL,
                messageId);
        Instant end = Instant.now().plus(wait);
        while (Instant.now().isBefore(end)) {
            Optional<PlatformStore.ThreadCase> linked = app.platformStore().caseOf(key);
            if (linked.isPresent()) {
                return linked.get().caseId();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("message " + messageId + " was never linked to a case");
    }

    @Override
    public void close() {
        server.stop();
        app.close();
        discord.close();
    }
}
