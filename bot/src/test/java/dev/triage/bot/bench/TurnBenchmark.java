package dev.triage.bot.bench;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.TurnEngine;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Text-only turn latency in-process: decode + search + rules (with question selection) + reply assembly, for a mix
 * of realistic pastes. Not a test: run it with {@code bench/turn.sh} and write the figures into docs/benchmarks.md.
 */
public final class TurnBenchmark {
    private static final List<CaseState> TURNS = List.of(
            state("This computer can't connect to the remote computer. Try connecting again.\nError code: 0x904\n"
                    + "Extended error code: 0x7", Map.of()),
            state("Error code: 0x904 Extended error code: 0x7", Map.of("environment", "azure")),
            state("Error code: 0x904 Extended error code: 0x7", Map.of("other-hosts-work", "yes", "vpn", "vpn")),
            state("[ERROR][com.freerdp.core] - transport_connect_tls:freerdp_set_last_error_ex "
                    + "ERRCONNECT_TLS_CONNECT_FAILED [0x00020008]", Map.of()),
            state("This user account has expired. Error code: 0xe07 Extended error code: 0x0", Map.of()),
            state("An authentication error has occurred. The function requested is not supported. This could be due"
                    + " to CredSSP encryption oracle remediation.", Map.of()),
            state("Fehlercode: 0x904 Erweiterter Fehlercode: 0x7", Map.of()),
            state("Because of a protocol error (code: 0x112f), the remote session will be disconnected.", Map.of()));

    private TurnBenchmark() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long t0 = System.nanoTime();
        BotApplication app = BotApplication.create(BotConfig.defaults());
        TurnEngine engine = app.engine();
        engine.reply(TURNS.get(0));
        long readyMs = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(Locale.ROOT, "load knowledge + rules + first turn: %d ms (JVM start to ready: %d ms)%n",
                (System.nanoTime() - t0) / 1_000_000, readyMs);
        for (int i = 0; i < warmup; i++) {
            engine.reply(TURNS.get(i % TURNS.size()));
        }
        long[] nanos = new long[measured];
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            long s = System.nanoTime();
            engine.reply(TURNS.get(i % TURNS.size()));
            nanos[i] = System.nanoTime() - s;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "turns %d (after %d warm-up): median %.3f ms, p90 %.3f ms, p99 %.3f ms,"
                        + " max %.3f ms, throughput %.0f turns/s (one thread)%n", measured, warmup,
                ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
                measured / seconds);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))] / 1e6;
    }

    private static CaseState state(String text, Map<String, String> answers) {
        return new CaseState(List.of(text), answers, Optional.empty(), List.of());
    }
}
