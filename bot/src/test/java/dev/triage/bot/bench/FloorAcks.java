package dev.triage.bot.bench;

import dev.triage.bot.config.BotConfig;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The floor under every platform's figures: posts to a path with no route, so each request costs only what the HTTP
 * server (Jetty, Javalin, Triage's request filters) spends to refuse it with 404. No conversation is opened.
 */
final class FloorAcks implements AckPlatform {
    @Override
    public String name() {
        return "floor";
    }

    @Override
    public BotConfig configure(BotConfig base) {
        return base;
    }

    @Override
    public String path() {
        return "/no-such-route";
    }

    @Override
    public SignedPost request(int n) {
        return new SignedPost(Map.of("Content-Type", "application/json"),
                ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean acknowledged(int status, String body) {
        return status == 404;
    }

    @Override
    public boolean opensConversations() {
        return false;
    }

    @Override
    public int answers() {
        return 0;
    }

    @Override
    public void close() {
    }
}
