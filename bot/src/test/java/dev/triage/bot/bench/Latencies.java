package dev.triage.bot.bench;

import java.util.Arrays;
import java.util.Locale;

/** Collected latencies in nanoseconds, summarised as median and p99 in milliseconds. Thread-safe. */
public final class Latencies {
    private long[] values = new long[1024];
    private int size;

    public synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public synchronized int count() {
        return size;
    }

    public synchronized double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int index = (int) Math.min(size - 1, Math.ceil(p / 100.0 * size) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    public String summary() {
        return String.format(Locale.ROOT, "n=%d p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms", count(),
                percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(100));
    }
}
