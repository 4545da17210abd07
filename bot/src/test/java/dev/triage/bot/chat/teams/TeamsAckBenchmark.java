package dev.triage.bot.chat.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.triage.bot.BotApplication;
import dev.triage.bot.bench.Latencies;
import dev.triage.bot.config.BotConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast Triage acknowledges Teams: CLIENTS concurrent senders post authorised activities (each a new 1:1 chat
 * with the 0x904/0x7 dialog, so each opens a case; each with the Bot Connector's RS256 token, checked in full) to
 * {@code POST /api/messages} of an in-process server, and the time to each HTTP 200 is recorded. The conversations
 * run on behind the acknowledgements and send typing and their replies to the stand-in Bot Connector on loopback.
 * Not a test: run it with {@code bench/teams.sh [CLIENTS] [REQUESTS]}.
 */
public final class TeamsAckBenchmark {
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
    private URI endpoint;
    private String serviceUrl;
    private String token;

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        new TeamsAckBenchmark().run(clients, requests);
    }

    private void run(int clients, int requests) throws Exception {
        Path data = Files.createTempDirectory("triage-teams-bench");
        try (BotFrameworkStandIn login = new BotFrameworkStandIn(); ConnectorStandIn connector = new ConnectorStandIn();
                BotApplication app = BotApplication.create(BotConfig.defaults().withDataDir(data)
                        .withTeams(TeamsHarness.settings(login, List.of())))) {
            Javalin server = app.httpApi().create().start("127.0.0.1", 0);
            endpoint = URI.create("http://127.0.0.1:" + server.port() + TeamsAdapter.PATH);
            serviceUrl = connector.serviceUrl();
            // The Bot Connector sends one token with many activities until it nears expiry.
            token = login.token(serviceUrl);
            try {
                int warm = Math.min(200, requests);
                round(clients, warm, new Latencies());
                Latencies acks = new Latencies();
                long start = System.nanoTime();
                round(clients, requests, acks);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "teams acks clients=%d: %.0f requests/s, %s, errors=%d%n", clients,
                        acks.count() / seconds, acks.summary(), errors.get());
                waitForReplies(connector, warm + requests);
            } finally {
                server.stop();
            }
        }
    }

    /** {@code clients} threads send {@code requests} activities between them, back to back. */
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
        ObjectNode activity = TeamsActivities.personal(serviceUrl, "1700000" + n, "bench-user-" + n, DIALOG);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(activity.toString())).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                latencies.add(System.nanoTime() - start);
            } else {
                errors.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }

    /** The conversations behind the acknowledgements: how long until every case's reply reached the connector. */
    private static void waitForReplies(ConnectorStandIn connector, int expected) throws InterruptedException {
        long start = System.nanoTime();
        int replies = 0;
        while (System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
            replies = connector.calls(c -> c.text().contains("Likely causes")).size();
            if (replies >= expected) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "replies sent: %d of %d, the last %.1f s after the last ack%n", replies,
                expected, (System.nanoTime() - start) / 1e9);
    }
}
