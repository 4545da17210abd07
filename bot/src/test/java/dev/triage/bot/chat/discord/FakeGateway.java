package dev.triage.bot.chat.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for Discord's gateway on loopback, speaking its JSON protocol without compression (gateway docs,
 * "Connection Lifecycle"): on connect HELLO (op 10) with a heartbeat interval; on IDENTIFY (op 2) READY (op 0,
 * {@code t=READY}: the bot user, the application, no guilds yet, a session id) and then GUILD_CREATE for one server
 * with one text channel, where {@code @everyone} has exactly the permissions Triage asks for in its invite; every
 * heartbeat (op 1) is acknowledged (op 11). Tests then dispatch events (op 0) with increasing sequence numbers.
 */
public final class FakeGateway implements AutoCloseable {
    public static final String GUILD = "900000000000000001";
    public static final String CHANNEL = "910000000000000001";
    /** View channel, send messages, embed links, read history, create public threads, send in threads. */
    static final long PERMISSIONS = 309_237_730_304L;
    private static final int HEARTBEAT_MS = 1_000;

    private final Javalin server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile WsContext session;

    public FakeGateway() {
        server = Javalin.create(config -> config.showJavalinBanner = false).ws("/", ws -> {
            ws.onConnect(ctx -> {
                session = ctx;
                ctx.send(op(10, DiscordStandIn.JSON.createObjectNode().put("heartbeat_interval", HEARTBEAT_MS)));
            });
            ws.onMessage(ctx -> onMessage(ctx, DiscordStandIn.JSON.readTree(ctx.message())));
        }).start("127.0.0.1", 0);
    }

    /** The address {@code GET /gateway/bot} gives; JDA adds {@code ?encoding=json&v=10}. */
    public String url() {
        return "ws://127.0.0.1:" + server.port() + "/";
    }

    /** Sends a dispatch event (op 0) with the next sequence number. */
    public void dispatch(String type, JsonNode data) {
        ObjectNode event = op(0, data).put("t", type).put("s", sequence.incrementAndGet());
        WsContext open = session;
        if (open == null) {
            throw new AssertionError("no gateway session to dispatch " + type + " on");
        }
        open.send(event.toString());
    }

    /** Waits for a payload from the client that matches; fails the test after the timeout. */
    public JsonNode await(Predicate<JsonNode> matching, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            Optional<JsonNode> found = received.stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the client sent nothing that matched within " + timeout + "; got " + received);
    }

    private void onMessage(WsContext ctx, JsonNode payload) {
        received.add(payload);
        switch (payload.path("op").asInt(-1)) {
            case 1 -> {
                ctx.send(DiscordStandIn.JSON.createObjectNode().put("op", 11).toString());
            }
            case 2 -> {
                dispatch("READY", ready());
                dispatch("GUILD_CREATE", guild());
            }
            default -> { }
        }
    }

    /** READY as ReadyHandler reads it: the bot user, the application's id, the guilds (none), the session. */
    private ObjectNode ready() {
        ObjectNode ready = DiscordStandIn.JSON.createObjectNode().put("v", 10).put("session_id", "session-1")
                .put("resume_gateway_url", url());
        ready.set("user", DiscordStandIn.botUser());
        ready.putObject("application").put("id", DiscordStandIn.APP).put("flags", 0);
        ready.putArray("guilds");
        ready.putArray("private_channels");
        return ready;
    }

    /** One server with the bot as its only member and one text channel, as EntityBuilder.createGuild reads it. */
    private static ObjectNode guild() {
        ObjectNode guild = DiscordStandIn.JSON.createObjectNode().put("id", GUILD).put("name", "Helpdesk")
                .put("owner_id", "920000000000000001").put("member_count", 1).put("afk_timeout", 300).put("large", false)
                .put("unavailable", false).put("premium_progress_bar_enabled", false)
                .put("joined_at", "2026-01-01T00:00:00.000000+00:00");
        ObjectNode everyone = guild.putArray("roles").addObject().put("id", GUILD).put("name", "@everyone")
                .put("permissions", Long.toString(PERMISSIONS)).put("position", 0).put("color", 0)
                .put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
        everyone.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        guild.putArray("channels").addObject().put("id", CHANNEL).put("type", 0).put("name", "helpdesk")
                .put("position", 0).put("nsfw", false).put("rate_limit_per_user", 0).putArray("permission_overwrites");
        ObjectNode self = member(guild.putArray("members").addObject());
        self.set("user", DiscordStandIn.botUser());
        self.putArray("roles");
        for (String empty : List.of("threads", "emojis", "stickers", "voice_states", "presences",
                "guild_scheduled_events", "features", "soundboard_sounds")) {
            guild.putArray(empty);
        }
        return guild;
    }

    /** A message from {@code user} in the test channel that mentions the bot. */
    public static ObjectNode mention(String messageId, String user, String text) {
        ObjectNode message = message(messageId, user, "<@" + DiscordStandIn.BOT + "> " + text)
                .put("guild_id", GUILD);
        ((ArrayNode) message.get("mentions")).add(DiscordStandIn.botUser());
        member(message.putObject("member")).putArray("roles");
        return message;
    }

    /** A guild member's fields besides the user and the roles. */
    static ObjectNode member(ObjectNode member) {
        return member.put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false).putNull("premium_since")
                .putNull("communication_disabled_until");
    }

    static ObjectNode message(String messageId, String user, String content) {
        ObjectNode message = DiscordStandIn.JSON.createObjectNode().put("id", messageId).put("channel_id", CHANNEL)
                .put("type", 0).put("content", content).put("timestamp", Instant.now().toString())
                .putNull("edited_timestamp").put("tts", false).put("mention_everyone", false).put("pinned", false)
                .put("flags", 0);
        message.putObject("author").put("id", user).put("username", "user" + user).put("discriminator", "0")
                .putNull("avatar");
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        return message;
    }

    private static ObjectNode op(int op, JsonNode data) {
        ObjectNode payload = DiscordStandIn.JSON.createObjectNode().put("op", op);
        payload.set("d", data);
        return payload.putNull("s").putNull("t");
    }

    @Override
    public void close() {
        server.stop();
    }
}
