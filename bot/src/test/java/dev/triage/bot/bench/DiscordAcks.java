package dev.triage.bot.bench;

import com.sun.net.httpserver.HttpServer;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.DiscordSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Discord for {@link AckBenchmark}: Ed25519-signed {@code /triage error:} interactions to
 * {@code POST /discord/interactions}, acknowledged by a deferred response (type 5); the answers are the edits
 * ({@code PATCH}) of {@code @original} on a stand-in of Discord's API.
 */
final class DiscordAcks implements AckPlatform {
    private static final String APP = "1100000000000000001";

    private final AtomicInteger edited = new AtomicInteger();
    private final KeyPair keys;
    private final HttpServer api;

    DiscordAcks() throws IOException, GeneralSecurityException {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
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
        byte[] spki = keys.getPublic().getEncoded();
        String publicKey = HexFormat.of().formatHex(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        return base.withDiscord(new DiscordSettings(Optional.of(APP), Optional.of(publicKey), Optional.empty(),
                "http://127.0.0.1:" + api.getAddress().getPort() + "/api/v10", List.of(), List.of()));
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

    private String sign(String timestamp, String body) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(keys.getPrivate());
            ed25519.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        api.stop(0);
        ((ExecutorService) api.getExecutor()).shutdownNow();
    }
}
