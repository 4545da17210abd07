package dev.triage.bot.bench;

import dev.triage.bot.BotApplication;
import dev.triage.bot.chat.teams.TeamsAcks;
import dev.triage.bot.config.BotConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast Triage acknowledges a chat platform: CLIENTS connections post signed requests back to back (each a new
 * conversation with the 0x904/0x7 dialog, so each opens a case) to the platform's endpoint on an in-process server,
 * and the time to each acknowledgement is recorded. WARMUP requests go first, unmeasured, so the figures are those of
 * a server that has been running (the JIT compiles the request path over the first several thousand requests; a
 * freshly started server is slower, and {@code WARMUP} 200 shows by how much). The conversations run on behind the
 * acknowledgements and send their answers to a stand-in of the platform's API on loopback, as they would to the
 * platform; after the round the run waits up to DRAIN seconds ({@code -Ddrain}, 60) and reports how many arrived.
 * The senders are one thread driving every connection ({@link EventLoopClient}, {@code loop}), as load generators
 * do; {@code raw} gives each connection a blocking thread of its own ({@link KeepAliveClient}) and {@code jdk} uses
 * the JDK's HttpClient, both of which take a larger share of the two cores from the server they measure. Besides the
 * latencies it prints the CPU the process spent per request by thread. Not a test: run it with
 * {@code bench/slack.sh}, {@code bench/discord.sh} or {@code bench/teams.sh [CLIENTS] [REQUESTS] [loop|raw|jdk]
 * [WARMUP]}; {@code floor} as the platform posts to a path with no route, what the HTTP server alone costs.
 */
public final class AckBenchmark {
    /** What every request pastes. */
    public static final String DIALOG = "This computer can't connect to the remote computer. Error code: 0x904"
            + " Extended error code: 0x7";
    private static final int DRAIN_SECONDS = Integer.getInteger("drain", 60);
    private static final List<String> THREADS = List.of("triage-http", "triage-turn", "triage-slack",
            "triage-discord", "triage-teams", "bench-client", "HttpClient");

    private final AckPlatform platform;
    /** {@code loop}, {@code raw} or {@code jdk}. */
    private final String client;
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

    private AckBenchmark(AckPlatform platform, String client) {
        this.platform = platform;
        this.client = client;
    }

    /** {@code slack|discord|teams|floor [CLIENTS] [REQUESTS] [loop|raw|jdk] [WARMUP]}. */
    public static void main(String[] args) throws Exception {
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        String client = args.length > 3 ? args[3] : "loop";
        if (!List.of("loop", "raw", "jdk").contains(client)) {
            throw new IllegalArgumentException("the client is loop, raw or jdk, not " + client);
        }
        try (AckPlatform platform = platform(args.length > 0 ? args[0] : "")) {
            new AckBenchmark(platform, client).run(clients, warmUp, requests);
        }
    }

    private static AckPlatform platform(String name) throws Exception {
        switch (name) {
            case "floor":
                return new FloorAcks();
            case "slack":
                return new SlackAcks();
            case "discord":
                return new DiscordAcks();
            case "teams":
                return new TeamsAcks();
            default:
                throw new IllegalArgumentException("usage: AckBenchmark slack|discord|teams|floor [CLIENTS]"
                        + " [REQUESTS] [loop|raw|jdk] [WARMUP]");
        }
    }

    private void run(int clients, int warm, int requests) throws Exception {
        BotConfig config = platform.configure(BotConfig.defaults()
                .withDataDir(Files.createTempDirectory("triage-" + platform.name() + "-bench")));
        try (BotApplication app = BotApplication.create(config)) {
            Javalin server = app.httpApi().create().start("127.0.0.1", 0);
            endpoint = URI.create("http://127.0.0.1:" + server.port() + platform.path());
            try {
                round(clients, warm, new Latencies(), new CpuByThread(List.of()));
                Latencies acks = new Latencies();
                CpuByThread cpu = new CpuByThread(THREADS);
                cpu.start();
                long start = System.nanoTime();
                round(clients, requests, acks, cpu);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%s acks clients=%d (%s client, after %d to warm up): %.0f requests/s, %s, errors=%d%n",
                        platform.name(), clients, client, warm, acks.count() / seconds, acks.summary(),
                        errors.get());
                System.out.println(cpu.perRequest(requests));
                if (platform.opensConversations()) {
                    waitForAnswers(warm + requests);
                }
            } finally {
                server.stop();
            }
        }
    }

    /** {@code clients} threads send {@code requests} signed requests between them, back to back. */
    private void round(int clients, int requests, Latencies latencies, CpuByThread cpu) throws InterruptedException {
        if (client.equals("loop")) {
            Thread loop = new Thread(() -> {
                loopRound(clients, requests, latencies);
                cpu.ending("bench-client");
            }, "bench-client-loop");
            loop.start();
            loop.join();
            return;
        }
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

    /** The round from one thread over {@code clients} connections ({@link EventLoopClient}). */
    private void loopRound(int clients, int requests, Latencies latencies) {
        EventLoopClient loop = new EventLoopClient(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()),
                endpoint.getPath());
        try {
            loop.run(clients, new EventLoopClient.Requests() {
                private int sent;

                @Override
                public Optional<AckPlatform.SignedPost> next() {
                    return sent++ < requests ? Optional.of(platform.request(sequence.incrementAndGet()))
                            : Optional.empty();
                }

                @Override
                public void answered(int status, String body, long nanos) {
                    if (platform.acknowledged(status, body)) {
                        latencies.add(nanos);
                    } else {
                        errors.incrementAndGet();
                    }
                }

                @Override
                public void failed(IOException e) {
                    errors.incrementAndGet();
                }
            });
        } catch (IOException e) {
            errors.incrementAndGet();
        }
    }

    private void send(KeepAliveClient client, Latencies latencies) {
        AckPlatform.SignedPost post = platform.request(sequence.incrementAndGet());
        long start = System.nanoTime();
        try {
            KeepAliveClient.Answer answer = client.equals("jdk") ? sendWithJdk(post)
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

    /** The conversations behind the acknowledgements: how many answers reached the stand-in, and how soon. */
    private void waitForAnswers(int expected) throws InterruptedException {
        long start = System.nanoTime();
        int before = platform.answers();
        long limit = Duration.ofSeconds(DRAIN_SECONDS).toNanos();
        while (platform.answers() < expected && System.nanoTime() - start < limit) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "answers delivered: %d of %d, %.1f s after the last ack (%.1f answers/s)%n",
                platform.answers(), expected, seconds, (platform.answers() - before) / seconds);
    }
}
