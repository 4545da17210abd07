package dev.triage.bot.bench;

import dev.triage.bot.BotApplication;
import dev.triage.bot.chat.teams.TeamsAcks;
import dev.triage.bot.config.BotConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast Triage acknowledges a chat platform: CLIENTS concurrent senders post signed requests back to back (each a
 * new conversation with the 0x904/0x7 dialog, so each opens a case) to the platform's endpoint on an in-process
 * server, and the time to each acknowledgement is recorded. The conversations run on behind the acknowledgements and
 * send their answers to a stand-in of the platform's API on loopback, as they would to the platform; the run ends
 * when every one has arrived (or after 5 minutes). 200 requests warm up first. Each sender keeps one connection open
 * and writes its requests itself ({@link KeepAliveClient}, {@code raw}), as the platforms keep their connections;
 * {@code jdk} sends with the JDK's HttpClient instead, which costs the shared cores noticeably more per request.
 * Besides the latencies it prints the CPU the process spent per request by thread: unlike the latency, that hardly
 * depends on what else runs on the machine. Not a test: run it with {@code bench/slack.sh}, {@code bench/discord.sh}
 * or {@code bench/teams.sh [CLIENTS] [REQUESTS] [raw|jdk]}.
 */
public final class AckBenchmark {
    /** What every request pastes. */
    public static final String DIALOG = "This computer can't connect to the remote computer. Error code: 0x904"
            + " Extended error code: 0x7";
    private static final int WARM_UP = 200;
    private static final List<String> THREADS = List.of("triage-http", "triage-turn", "triage-slack",
            "triage-discord", "triage-teams", "bench-client", "HttpClient");

    private final AckPlatform platform;
    private final boolean jdkClient;
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    // Daemon threads, so the JVM exits when main returns.
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(8, runnable -> {
                Thread thread = new Thread(runnable, "bench-client-http");
                thread.setDaemon(true);
                return thread;
            })).build();
    private URI endpoint;

    private AckBenchmark(AckPlatform platform, boolean jdkClient) {
        this.platform = platform;
        this.jdkClient = jdkClient;
    }

    /** {@code slack|discord|teams [CLIENTS] [REQUESTS] [raw|jdk]}. */
    public static void main(String[] args) throws Exception {
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        boolean jdk = args.length > 3 && args[3].equals("jdk");
        try (AckPlatform platform = platform(args.length > 0 ? args[0] : "")) {
            new AckBenchmark(platform, jdk).run(clients, requests);
        }
    }

    private static AckPlatform platform(String name) throws Exception {
        switch (name) {
            case "slack":
                return new SlackAcks();
            case "discord":
                return new DiscordAcks();
            case "teams":
                return new TeamsAcks();
            default:
                throw new IllegalArgumentException("usage: AckBenchmark slack|discord|teams [CLIENTS] [REQUESTS]"
                        + " [raw|jdk]");
        }
    }

    private void run(int clients, int requests) throws Exception {
        BotConfig config = platform.configure(BotConfig.defaults()
                .withDataDir(Files.createTempDirectory("triage-" + platform.name() + "-bench")));
        try (BotApplication app = BotApplication.create(config)) {
            Javalin server = app.httpApi().create().start("127.0.0.1", 0);
            endpoint = URI.create("http://127.0.0.1:" + server.port() + platform.path());
            try {
                int warm = Math.min(WARM_UP, requests);
                round(clients, warm, new Latencies(), new CpuByThread(List.of()));
                Latencies acks = new Latencies();
                CpuByThread cpu = new CpuByThread(THREADS);
                cpu.start();
                long start = System.nanoTime();
                round(clients, requests, acks, cpu);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s acks clients=%d (%s client): %.0f requests/s, %s, errors=%d%n",
                        platform.name(), clients, jdkClient ? "jdk" : "raw", acks.count() / seconds, acks.summary(),
                        errors.get());
                System.out.println(cpu.perRequest(requests));
                waitForAnswers(warm + requests);
            } finally {
                server.stop();
            }
        }
    }

    /** {@code clients} threads send {@code requests} signed requests between them, back to back. */
    private void round(int clients, int requests, Latencies latencies, CpuByThread cpu) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(requests);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try (KeepAliveClient client = new KeepAliveClient(endpoint.getHost(), endpoint.getPort())) {
                    while (left.getAndDecrement() > 0) {
                        send(client, latencies);
                    }
                } catch (IOException e) {
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
        AckPlatform.SignedPost post = platform.request(sequence.incrementAndGet());
        long start = System.nanoTime();
        try {
            KeepAliveClient.Answer answer = jdkClient ? sendWithJdk(post)
                    : client.post(endpoint.getPath(), post.headers(), post.body());
            if (platform.acknowledged(answer.status(), answer.body())) {
                latencies.add(System.nanoTime() - start);
            } else {
                errors.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            errors.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.incrementAndGet();
        }
    }

    private KeepAliveClient.Answer sendWithJdk(AckPlatform.SignedPost post) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
        post.headers().forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new KeepAliveClient.Answer(response.statusCode(), response.body());
    }

    /** The conversations behind the acknowledgements: how long until every case's answer reached the stand-in. */
    private void waitForAnswers(int expected) throws InterruptedException {
        long start = System.nanoTime();
        while (platform.answers() < expected && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            Thread.sleep(100);
        }
        System.out.printf(Locale.ROOT, "answers delivered: %d of %d, the last %.1f s after the last ack%n",
                platform.answers(), expected, (System.nanoTime() - start) / 1e9);
    }
}
