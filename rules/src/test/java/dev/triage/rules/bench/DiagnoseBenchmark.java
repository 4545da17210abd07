package dev.triage.rules.bench;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.CodeFact;
import dev.triage.rules.Diagnoser;
import dev.triage.rules.Diagnosis;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Latency of {@link Diagnoser#diagnose} (rules, ranking and question selection) for the 0x904 / 0x7 dialog, after
 * warm-up. Not a test: run it by hand and write the numbers down.
 *
 * <pre>
 * cd /work/main && mvn -q -o -pl rules test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/rules.cp
 * java -cp rules/target/classes:rules/target/test-classes:$(cat /tmp/rules.cp) dev.triage.rules.bench.DiagnoseBenchmark
 * </pre>
 */
public final class DiagnoseBenchmark {
    private static final String DIALOG = """
            [Window Title]
            Remote Desktop Connection
            [Content]
            This computer can't connect to the remote computer. Try connecting again. If the problem continues, \
            contact the owner of the remote computer or your network administrator.
            [Expanded Information]
            Error code: 0x904
            Extended error code: 0x7
            Timestamp (UTC): 2026-11-20T09:12:44.123Z
            """;

    private DiagnoseBenchmark() {}

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        long t0 = System.nanoTime();
        Diagnoser diagnoser = Diagnoser.create();
        System.out.printf(Locale.ROOT, "Diagnoser.create(): %.0f ms%n", (System.nanoTime() - t0) / 1e6);
        CaseFacts facts = new CaseFacts(List.of(DIALOG),
                List.of(new CodeFact("disconnect", "0x904", 0x904, "disconnectReasonAtClientWinsockFDCLOSE"),
                        new CodeFact("extended", "0x7", 0x7, "exDiscReasonServerDeniedConnection")),
                Map.of("vpn", "direct"), List.of(), List.of(), Optional.empty());
        long first = System.nanoTime();
        Diagnosis d = diagnoser.diagnose(facts);
        System.out.printf(Locale.ROOT, "first diagnose(): %.1f ms, %d causes, %d questions%n",
                (System.nanoTime() - first) / 1e6, d.causes().size(), d.questions().size());
        int sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += diagnoser.diagnose(facts).causes().size();
        }
        long[] ns = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            sink += diagnoser.diagnose(facts).questions().size();
            ns[i] = System.nanoTime() - s;
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "diagnose() n=%d: median %.1f us, p90 %.1f us, p99 %.1f us, max %.1f ms (sink %d)%n",
                runs, ns[runs / 2] / 1e3, ns[runs * 9 / 10] / 1e3, ns[runs * 99 / 100] / 1e3, ns[runs - 1] / 1e6, sink);
    }
}
