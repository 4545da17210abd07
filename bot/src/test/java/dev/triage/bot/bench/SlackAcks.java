package dev.triage.bot.bench;

import com.sun.net.httpserver.HttpServer;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.SlackSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack for {@link AckBenchmark}: signed {@code app_mention} events to {@code POST /slack/events}, each a new thread;
 * the answers are the {@code chat.postMessage} calls on a stand-in of the Web API that says ok to everything.
 */
final class SlackAcks implements AckPlatform {
    private static final String SECRET = "bench-signing-secret";

    private final AtomicInteger posted = new AtomicInteger();
    private final HttpServer webApi;

    SlackAcks() throws IOException {
        webApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger ts = new AtomicInteger();
        webApi.createContext("/api/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/chat.postMessage")) {
                posted.incrementAndGet();
            }
            byte[] json = ("{\"ok\":true,\"team_id\":\"T0BENCH\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\","
                    + "\"ts\":\"1700000200." + ts.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            exchange.getResponseBody().write(json);
            exchange.close();
        });
        webApi.setExecutor(Executors.newFixedThreadPool(4));
        webApi.start();
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public BotConfig configure(BotConfig base) {
        return base.withSlack(new SlackSettings(Optional.of("xoxb-bench"), Optional.of(SECRET),
                "http://127.0.0.1:" + webApi.getAddress().getPort() + "/api/", Optional.empty(), List.of()));
    }

    @Override
    public String path() {
        return "/slack/events";
    }

    @Override
    public SignedPost request(int n) {
        String ts = String.format(Locale.ROOT, "1700000000.%06d", n);
        String body = "{\"token\":\"unused\",\"team_id\":\"T0BENCH\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"EvBench" + n + "\",\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\","
                + "\"user\":\"U" + (n % 50) + "\",\"channel\":\"C1\",\"ts\":\"" + ts + "\",\"event_ts\":\"" + ts
                + "\",\"text\":\"<@U0BOT> " + AckBenchmark.DIALOG + "\"}}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return new SignedPost(Map.of("Content-Type", "application/json", "X-Slack-Request-Timestamp", timestamp,
                "X-Slack-Signature", sign(timestamp, body)), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean acknowledged(int status, String body) {
        return status == 200;
    }

    @Override
    public int answers() {
        return posted.get();
    }

    private static String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        webApi.stop(0);
        ((ExecutorService) webApi.getExecutor()).shutdownNow();
    }
}
