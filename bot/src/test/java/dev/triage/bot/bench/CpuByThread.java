package dev.triage.bot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time this process spent between two snapshots, by thread-name prefix, with the rest (GC, the JIT compilers,
 * threads that ended) as "other". On shared cores latency depends on what else runs; the CPU an acknowledgement
 * costs does not, so this says where the time goes even when the machine is busy.
 */
final class CpuByThread {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final List<String> prefixes;
    private final Map<String, Long> ended = new java.util.concurrent.ConcurrentHashMap<>();
    private Map<Long, Long> startByThread = Map.of();
    private long startProcess;

    /** @param prefixes thread-name prefixes to report separately, such as {@code triage-http} */
    CpuByThread(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    void start() {
        startByThread = cpuByThread();
        startProcess = os.getProcessCpuTime();
    }

    /** Called by a thread of {@code prefix} as its last act: its CPU is counted, though it is gone when asked. */
    void ending(String prefix) {
        long used = threads.getCurrentThreadCpuTime()
                - startByThread.getOrDefault(Thread.currentThread().getId(), 0L);
        ended.merge(prefix, used, Long::sum);
    }

    /** Milliseconds of CPU per {@code requests} since {@link #start()}, by prefix. */
    String perRequest(int requests) {
        Map<String, Long> spent = new LinkedHashMap<>();
        prefixes.forEach(prefix -> spent.put(prefix, ended.getOrDefault(prefix, 0L)));
        long named = ended.values().stream().mapToLong(Long::longValue).sum();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            long used = now - startByThread.getOrDefault(info.getThreadId(), 0L);
            for (String prefix : prefixes) {
                if (info.getThreadName().startsWith(prefix) && now >= 0) {
                    spent.merge(prefix, used, Long::sum);
                    named += used;
                }
            }
        }
        spent.put("other", os.getProcessCpuTime() - startProcess - named);
        return spent.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(),
                e.getValue() / 1e6 / requests)).collect(Collectors.joining(", ", "cpu ms per request: ", ""));
    }

    private Map<Long, Long> cpuByThread() {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }
}
