package dev.triage.bot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on a running Triage over loopback. Not a test: run it with {@code bench/load.sh}.
 *
 * <ul>
 *   <li>{@code rest URL CLIENTS SECONDS}: each client sends back to back: opens a case, then posts nine messages
 *       to it, and again.
 *   <li>{@code web URL CONVERSATIONS RATE SECONDS}: opens the conversations, connects each one's event stream, then
 *       posts text-only messages to random conversations at RATE per second in all.
 * </ul>
 */
public final class HttpLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST = "This computer can't connect to the remote computer.\nError code: 0x904\n"
            + "Extended error code: 0x7";
    private static final String[] LATER = {"It worked yesterday from the office.", "Other servers work from this PC.",
            "We connect through the VPN.", "It is an Azure VM.", "I restarted the PC, same error."};

    // Several instances behind a load balancer: each request goes to the next one in turn.
    private final List<URI> bases;
    private final AtomicInteger turn = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile Latencies latencies = new Latencies();
    private final AtomicInteger errors = new AtomicInteger();
    // The server's JIT compiles the turn path during the first seconds of load; those seconds are not measured.
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 20);
    private final AtomicLong firstError = new AtomicLong();

    private HttpLoadBenchmark(List<URI> bases) {
        this.bases = List.copyOf(bases);
    }

    public static void main(String[] args) throws Exception {
        // URL, or URL,URL,... for instances that share one database.
        HttpLoadBenchmark bench = new HttpLoadBenchmark(java.util.Arrays.stream(args[1].split(","))
                .map(URI::create).toList());
        if (args[0].equals("rest")) {
            bench.rest(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else {
            bench.web(Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        }
    }

    /** The instance the next request goes to, round robin. */
    private URI base() {
        return bases.get(Math.floorMod(turn.getAndIncrement(), bases.size()));
    }

    private void rest(int clients, int seconds) {
        restFor(clients, WARMUP_SECONDS);
        latencies = new Latencies();
        errors.set(0);
        restFor(clients, seconds);
        report(String.format(Locale.ROOT, "rest clients=%d seconds=%d (after %d s warm-up)", clients, seconds,
                WARMUP_SECONDS), seconds);
    }

    /**
     * Each client is a chain of requests, the next sent when the last is answered; the chains run on the HTTP
     * client's few threads, so 200 clients do not mean 200 threads competing with the server for the two cores.
     */
    private void restFor(int clients, int seconds) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            chains.add(next(0, null, end));
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).join();
    }

    /** Request {@code n} of one client: every tenth opens a case, the others post to the client's case. */
    private CompletableFuture<Void> next(int n, String caseId, long end) {
        if (System.nanoTime() >= end) {
            return CompletableFuture.completedFuture(null);
        }
        boolean open = n % 10 == 0 || caseId == null;
        CompletableFuture<String> sent = open ? post("/api/cases", FIRST)
                : post("/api/cases/" + caseId + "/messages", LATER[n % LATER.length]).thenApply(id -> caseId);
        return sent.thenCompose(id -> next(n + 1, id, end));
    }

    private void web(int conversations, int rate, int seconds) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            ids.add(timed("/api/cases", FIRST));
        }
        AtomicInteger streams = new AtomicInteger();
        AtomicInteger events = new AtomicInteger();
        List<CompletableFuture<?>> open = new ArrayList<>();
        for (String id : ids) {
            open.add(http.sendAsync(HttpRequest.newBuilder(base().resolve("/api/cases/" + id + "/events"))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(r -> {
                        streams.incrementAndGet();
                        r.body().forEach(line -> {
                            if (line.startsWith("event:")) {
                                events.incrementAndGet();
                            }
                        });
                    }));
        }
        Thread.sleep(2_000);
        System.out.println("event streams connected: " + streams.get() + " of " + conversations);
        postAtRate(ids, rate, WARMUP_SECONDS);
        latencies = new Latencies();
        errors.set(0);
        postAtRate(ids, rate, seconds);
        report(String.format(Locale.ROOT, "web conversations=%d rate=%d/s seconds=%d (after %d s warm-up)"
                + " streams=%d events=%d", conversations, rate, seconds, WARMUP_SECONDS, streams.get(), events.get()),
                seconds);
        open.forEach(f -> f.cancel(true));
    }

    /** Posts text-only messages to random conversations at {@code rate} per second in all, open loop. */
    private void postAtRate(List<String> ids, int rate, int seconds) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (long next = start; next < end; next += interval) {
            LockSupport.parkNanos(next - System.nanoTime());
            String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
            sent.add(post("/api/cases/" + id + "/messages", LATER[ThreadLocalRandom.current().nextInt(LATER.length)]));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** Posts synchronously, records the latency, and returns the case id of the reply (or null on an error). */
    private String timed(String path, String text) {
        try {
            return post(path, text).get();
        } catch (Exception e) {
            return null;
        }
    }

    private CompletableFuture<String> post(String path, String text) {
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(base().resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text)))).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((r, failure) -> {
            latencies.add(System.nanoTime() - start);
            if (failure != null || r.statusCode() >= 300) {
                if (errors.incrementAndGet() == 1) {
                    firstError.set(System.nanoTime());
                    System.err.println("first error: " + (failure != null ? failure : r.statusCode() + " " + r.body()));
                }
                return null;
            }
            try {
                return JSON.readTree(r.body()).path("case").asText();
            } catch (Exception e) {
                return null;
            }
        });
    }

    private void report(String what, int seconds) {
        System.out.printf(Locale.ROOT, "%s: %.0f requests/s, %s, errors=%d%n", what,
                latencies.count() / (double) seconds, latencies.summary(), errors.get());
    }
}
