package dev.triage.bot.bench;

import com.sun.net.httpserver.HttpServer;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.DiscordSettings;
import io.javalin.Javalin;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast Triage acknowledges Discord: CLIENTS concurrent senders post signed {@code /triage} interactions (the
 * 0x904/0x7 dialog, so each opens a case) to {@code POST /discord/interactions} of an in-process server, and the time
 * to each deferred response (type 5) is recorded. The conversations run on behind the acknowledgements and edit their
 * messages through a stand-in of Discord's API on loopback, as they would through Discord. Not a test: run it with
 * {@code bench/discord.sh [CLIENTS] [REQUESTS]}.
 */
public final class DiscordAckBenchmark {
    private static final String APP = "1100000000000000001";
    private static final String DIALOG = "This computer can't connect to the remote computer. Error code: 0x904"
            + " Extended error code: 0x7";

    // Daemon threads, so the JVM exits when main returns.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "bench-http");
                thread.setDaemon(true);
                return thread;
            })).build();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final KeyPair keys;
    private URI endpoint;

    private DiscordAckBenchmark() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        new DiscordAckBenchmark().run(clients, requests);
    }

    private void run(int clients, int requests) throws Exception {
        AtomicInteger edited = new AtomicInteger();
        HttpServer discord = standIn(edited);
        Path data = Files.createTempDirectory("triage-discord-bench");
        byte[] spki = keys.getPublic().getEncoded();
        DiscordSettings settings = new DiscordSettings(Optional.of(APP), Optional.of(HexFormat.of().formatHex(
                Arrays.copyOfRange(spki, spki.length - 32, spki.length))), Optional.empty(),
                "http://127.0.0.1:" + discord.getAddress().getPort() + "/api/v10", List.of(), List.of());
        try (BotApplication app = BotApplication.create(BotConfig.defaults().withDataDir(data)
                .withDiscord(settings))) {
            Javalin server = app.httpApi().create().start("127.0.0.1", 0);
            endpoint = URI.create("http://127.0.0.1:" + server.port() + "/discord/interactions");
            try {
                int warm = Math.min(200, requests);
                round(clients, warm, new Latencies());
                Latencies acks = new Latencies();
                long start = System.nanoTime();
                round(clients, requests, acks);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "discord acks clients=%d: %.0f requests/s, %s, errors=%d%n",
                        clients, acks.count() / seconds, acks.summary(), errors.get());
                waitForAnswers(edited, requests + warm);
            } finally {
                server.stop();
            }
        } finally {
            discord.stop(0);
            ((java.util.concurrent.ExecutorService) discord.getExecutor()).shutdownNow();
        }
    }

    /** {@code clients} threads send {@code requests} signed commands between them, back to back. */
    private void round(int clients, int requests, Latencies latencies) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(requests);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    send(latencies);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void send(Latencies latencies) {
        int n = sequence.incrementAndGet();
        String id = Long.toString(1_300_000_000_000_000_000L + n);
        String body = "{\"id\":\"" + id + "\",\"application_id\":\"" + APP + "\",\"type\":2,\"token\":\"tok-" + id
                + "\",\"version\":1,\"guild_id\":\"900000000000000001\",\"channel_id\":\"910000000000000001\","
                + "\"member\":{\"user\":{\"id\":\"7000000000000000" + (n % 50) + "\"}},\"data\":{\"id\":\"1\","
                + "\"name\":\"triage\",\"type\":1,\"options\":[{\"name\":\"error\",\"type\":3,\"value\":\"" + DIALOG
                + "\"}]}}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Signature-Timestamp", timestamp)
                .header("X-Signature-Ed25519", sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"type\":5")) {
                latencies.add(System.nanoTime() - start);
            } else {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    /** The conversations behind the acknowledgements: how long until every case's answer reached "Discord". */
    private static void waitForAnswers(AtomicInteger edited, int expected) throws InterruptedException {
        long start = System.nanoTime();
        while (edited.get() < expected && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(50);
        }
        System.out.printf(Locale.ROOT, "answers edited in: %d of %d, the last %.1f s after the last ack%n",
                edited.get(), expected, (System.nanoTime() - start) / 1e9);
    }

    private String sign(String timestamp, String body) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(keys.getPrivate());
            ed25519.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(ed25519.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Discord's API, answering every edit with a message and counting them. */
    private static HttpServer standIn(AtomicInteger edited) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger ids = new AtomicInteger();
        server.createContext("/api/v10/", exchange -> {
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
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }
}
