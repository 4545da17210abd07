package dev.triage.bot.bench;

import dev.triage.bot.conversation.Identity;
import dev.triage.bot.conversation.Surface;
import dev.triage.bot.probing.ProbeLimits;
import dev.triage.bot.store.Database;
import dev.triage.bot.store.RateBuckets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * What charging the probe rate limits costs per probe run: in this process, in the embedded H2, and in PostgreSQL
 * when {@code TRIAGE_JDBC_URL} (with {@code TRIAGE_JDBC_USER}, {@code TRIAGE_JDBC_PASSWORD}) names one. Each run
 * charges three buckets (user, address, target), all new, so none runs dry (the cost of a new bucket: an insert).
 * Usage: bench/ratelimits.sh [WARMUP] [MEASURED]
 */
public final class RateLimitBenchmark {
    private RateLimitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        System.out.println("in-process  " + measure(ProbeLimits.standard(Clock.systemUTC()), warmup, measured));
        Path dir = Files.createTempDirectory("triage-bench-h2");
        try (Database h2 = Database.embedded(dir.resolve("data"))) {
            System.out.println("H2 embedded " + measure(ProbeLimits.shared(new RateBuckets(h2.dataSource(),
                    Clock.systemUTC())), warmup, measured));
        }
        String url = System.getenv("TRIAGE_JDBC_URL");
        if (url != null) {
            try (Database pg = Database.open(url, System.getenv("TRIAGE_JDBC_USER"),
                    System.getenv("TRIAGE_JDBC_PASSWORD"))) {
                System.out.println("PostgreSQL  " + measure(ProbeLimits.shared(new RateBuckets(pg.dataSource(),
                        Clock.systemUTC())), warmup, measured));
            }
        }
    }

    private static String measure(ProbeLimits limits, int warmup, int measured) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < warmup + measured; i++) {
            Identity who = new Identity(Surface.WEB, "", "user" + i, "", "",
                    Optional.of("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
            long start = System.nanoTime();
            if (limits.tryAcquire(who, "host" + i + ".example.com:3389").isPresent()) {
                throw new IllegalStateException("a fresh bucket refused a run");
            }
            if (i >= warmup) {
                latencies.add(System.nanoTime() - start);
            }
        }
        return latencies.summary();
    }
}
