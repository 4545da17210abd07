package dev.triage.bot.bench;

import com.sun.net.httpserver.HttpServer;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.SlackSettings;
import io.javalin.Javalin;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How fast Triage acknowledges Slack: CLIENTS concurrent senders post signed {@code app_mention} events (each a new
 * thread with the 0x904/0x7 dialog, so each opens a case) to {@code POST /slack/events} of an in-process server, and
 * the time to each HTTP 200 is recorded. The conversations run on behind the acknowledgements and post their replies
 * to a stand-in of Slack's Web API on loopback, as they would to Slack. Each sender keeps one connection open and
 * writes its requests itself ({@link KeepAliveClient}); {@code jdk} as the third argument sends with the JDK's
 * HttpClient instead, which costs the shared cores noticeably more per request. Not a test: run it with
 * {@code bench/slack.sh [CLIENTS] [REQUESTS] [raw|jdk]}.
 */
public final class SlackAckBenchmark {
    private static final String SECRET = "bench-signing-secret";
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
    private final boolean jdkClient;
    private URI endpoint;

    private SlackAckBenchmark(boolean jdkClient) {
        this.jdkClient = jdkClient;
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        new SlackAckBenchmark(args.length > 2 && args[2].equals("jdk")).run(clients, requests);
    }

    private void run(int clients, int requests) throws Exception {
        AtomicInteger posted = new AtomicInteger();
        HttpServer slack = standIn(posted);
        Path data = Files.createTempDirectory("triage-slack-bench");
        SlackSettings settings = new SlackSettings(Optional.of("xoxb-bench"), Optional.of(SECRET),
                "http://127.0.0.1:" + slack.getAddress().getPort() + "/api/", Optional.empty(), List.of());
        try (BotApplication app = BotApplication.create(BotConfig.defaults().withDataDir(data).withSlack(settings))) {
            Javalin server = app.httpApi().create().start("127.0.0.1", 0);
            endpoint = URI.create("http://127.0.0.1:" + server.port() + "/slack/events");
            try {
                round(clients, Math.min(200, requests), new Latencies(), new CpuByThread(List.of()));
                Latencies acks = new Latencies();
                CpuByThread cpu = new CpuByThread(List.of("triage-http", "triage-slack", "bench-client", "bench-http",
                        "HttpClient"));
                cpu.start();
                long start = System.nanoTime();
                round(clients, requests, acks, cpu);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "slack acks clients=%d (%s client): %.0f requests/s, %s, errors=%d%n",
                        clients, jdkClient ? "jdk" : "raw", acks.count() / seconds, acks.summary(), errors.get());
                System.out.println(cpu.perRequest(requests));
                waitForReplies(posted, requests + Math.min(200, requests));
            } finally {
                server.stop();
            }
        } finally {
            slack.stop(0);
            ((java.util.concurrent.ExecutorService) slack.getExecutor()).shutdownNow();
        }
    }

    /** {@code clients} threads send {@code requests} signed mentions between them, back to back. */
    private void round(int clients, int requests, Latencies latencies, CpuByThread cpu)
            throws InterruptedException {
        AtomicInteger left = new AtomicInteger(requests);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try (KeepAliveClient client = new KeepAliveClient(endpoint.getHost(), endpoint.getPort())) {
                    while (left.getAndDecrement() > 0) {
                        send(client, latencies);
                    }
                } catch (java.io.IOException e) {
                    errors.incrementAndGet();
                }
                cpu.ending("bench-client");
            }, "bench-client-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private void send(KeepAliveClient client, Latencies latencies) {
        int n = sequence.incrementAndGet();
        String ts = String.format(Locale.ROOT, "1700000000.%06d", n);
        String body = "{\"token\":\"unused\",\"team_id\":\"T0BENCH\",\"api_app_id\":\"A1\",\"type\":\"event_callback\","
                + "\"event_id\":\"EvBench" + n + "\",\"event_time\":1700000000,\"event\":{\"type\":\"app_mention\","
                + "\"user\":\"U" + (n % 50) + "\",\"channel\":\"C1\",\"ts\":\"" + ts + "\",\"event_ts\":\"" + ts
                + "\",\"text\":\"<@U0BOT> " + DIALOG + "\"}}";
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Slack-Request-Timestamp",
                timestamp, "X-Slack-Signature", sign(timestamp, body));
        long start = System.nanoTime();
        try {
            int status = jdkClient ? sendWithJdk(headers, body)
                    : client.post(endpoint.getPath(), headers, body.getBytes(StandardCharsets.UTF_8));
            if (status == 200) {
                latencies.add(System.nanoTime() - start);
            } else {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    private int sendWithJdk(Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The conversations behind the acknowledgements: how long until every case's reply reached "Slack". */
    private static void waitForReplies(AtomicInteger posted, int expected) throws InterruptedException {
        long start = System.nanoTime();
        while (posted.get() < expected && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(50);
        }
        System.out.printf(Locale.ROOT, "replies posted: %d of %d, the last %.1f s after the last ack%n",
                posted.get(), expected, (System.nanoTime() - start) / 1e9);
    }

    private static String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Slack's Web API, answering every call with ok and counting the posted messages. */
    private static HttpServer standIn(AtomicInteger posted) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger ts = new AtomicInteger();
        server.createContext("/api/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/chat.postMessage")) {
                posted.incrementAndGet();
            }
            byte[] json = ("{\"ok\":true,\"team_id\":\"T0BENCH\",\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\","
                    + "\"ts\":\"1700000200." + ts.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
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
