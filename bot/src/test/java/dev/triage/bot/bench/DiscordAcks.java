package dev.triage.bot.bench;

import com.sun.net.httpserver.HttpServer;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.DiscordSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Discord for {@link AckBenchmark}: Ed25519-signed {@code /triage error:} interactions to
 * {@code POST /discord/interactions}, acknowledged by a deferred response (type 5); the answers are the edits
 * ({@code PATCH}) of {@code @original} on a stand-in of Discord's API. The interactions come from a server channel, so
 * with private hosts on (the default; {@code -Dbench.discord.privateHosts=false} turns them off) each answer also sends
 * the asker an ephemeral follow-up.
 */
final class DiscordAcks implements AckPlatform {
    private static final String APP = "1100000000000000001";

    private final AtomicInteger edited = new AtomicInteger();
    private final byte[] privateKey = new byte[Ed25519.SECRET_KEY_SIZE];
    private final byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final HttpServer api;

    DiscordAcks() throws IOException {
        new SecureRandom().nextBytes(privateKey);
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger ids = new AtomicInteger();
        api.createContext("/api/v10/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("PATCH")) {
                edited.incrementAndGet();
            }
            byte[] json = ("{\"id\":\"" + (1_400_000_000_000_000_000L + ids.incrementAndGet()) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            exchange.getResponseBody().write(json);
            exchange.close();
        });
        api.setExecutor(Executors.newFixedThreadPool(4));
        api.start();
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public BotConfig configure(BotConfig base) {
        String key = HexFormat.of().formatHex(publicKey);
        return base.withDiscord(new DiscordSettings(Optional.of(APP), Optional.of(key), Optional.empty(),
                "http://127.0.0.1:" + api.getAddress().getPort() + "/api/v10", List.of(), List.of(), false,
                Boolean.parseBoolean(System.getProperty("bench.discord.privateHosts", "true"))));
    }

    @Override
    public String path() {
        return "/discord/interactions";
    }

    @Override
    public SignedPost request(int n) {
        String id = Long.toString(1_300_000_000_000_000_000L + n);
        String body = "{\"id\":\"" + id + "\",\"application_id\":\"" + APP + "\",\"type\":2,\"token\":\"tok-" + id
                + "\",\"version\":1,\"guild_id\":\"900000000000000001\",\"channel_id\":\"910000000000000001\","
                + "\"member\":{\"user\":{\"id\":\"7000000000000000" + (n % 50) + "\"}},\"data\":{\"id\":\"1\","
                + "\"name\":\"triage\",\"type\":1,\"options\":[{\"name\":\"error\",\"type\":3,\"value\":\""
                + AckBenchmark.DIALOG + "\"}]}}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return new SignedPost(Map.of("Content-Type", "application/json", "X-Signature-Timestamp", timestamp,
                "X-Signature-Ed25519", sign(timestamp, body)), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean acknowledged(int status, String body) {
        return status == 200 && body.contains("\"type\":5");
    }

    @Override
    public int answers() {
        return edited.get();
    }

    /**
     * Signed with BouncyCastle's Ed25519, about a seventh of the JDK's CPU: Discord signs on its own machines, and
     * the load generator shares the server's two cores.
     */
    private String sign(String timestamp, String body) {
        byte[] message = (timestamp + body).getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(privateKey, 0, message, 0, message.length, signature, 0);
        return HexFormat.of().formatHex(signature);
    }

    @Override
    public void close() {
        api.stop(0);
        ((ExecutorService) api.getExecutor()).shutdownNow();
    }
}
