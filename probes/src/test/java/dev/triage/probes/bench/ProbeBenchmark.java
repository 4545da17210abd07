package dev.triage.probes.bench;

import dev.triage.probes.Outcome;
import dev.triage.probes.ProbeReport;
import dev.triage.probes.Prober;
import dev.triage.probes.Target;
import dev.triage.probes.TargetPolicy;
import dev.triage.probes.fixtures.DelayingProxy;
import dev.triage.probes.fixtures.FaultServer;
import dev.triage.probes.fixtures.FilteredPort;
import dev.triage.probes.fixtures.TestCertificates;
import dev.triage.probes.fixtures.Tools;
import dev.triage.probes.fixtures.XrdpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Probe latency against a real xrdp on loopback, directly and through a proxy adding 50 ms each way. Not a test:
 * run it with
 * {@code mvn -q -pl probes test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.triage.probes.bench.ProbeBenchmark}.
 */
public final class ProbeBenchmark {
    private static final int WARMUP = 50;
    private static final int RUNS = 200;
    private static final Duration ONE_WAY = Duration.ofMillis(50);

    private ProbeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("probe-bench");
        TestCertificates certificates = TestCertificates.generate(Files.createDirectories(dir.resolve("certs")));
        XrdpServer.Config config = XrdpServer.Config.of("tls", certificates.certificate(TestCertificates.Kind.VALID),
                certificates.key(TestCertificates.Kind.VALID));
        try (XrdpServer xrdp = XrdpServer.start(Files.createDirectories(dir.resolve("xrdp")), config);
             Prober full = prober(true, 3);
             Prober fullWide = prober(true, 7);
             Prober ladderOnly = prober(false, 3)) {
            Target direct = new Target("127.0.0.1", xrdp.port());
            System.out.println("xrdp 0.9 (security_layer=tls, TLS 1.2+1.3) on loopback, " + RUNS + " runs after "
                    + WARMUP + " warm-up runs");
            loopback("ladder only (DNS..certificate, one connection)", ladderOnly, direct);
            loopback("full (plus 2 layer + 4 TLS version connections)", full, direct);
            nmap("nmap -Pn --script rdp-enum-encryption,ssl-cert (same server)", xrdp.port(), 10);
            try (DelayingProxy proxy = DelayingProxy.start(xrdp.port(), ONE_WAY)) {
                Target delayed = new Target("127.0.0.1", proxy.port());
                System.out.println("through the delaying proxy, " + ONE_WAY.toMillis() + " ms each way (RTT "
                        + 2 * ONE_WAY.toMillis() + " ms); the TCP handshake with the proxy itself is not delayed");
                wan("ladder only: X.224 1 RTT + TLS 1.3 1 RTT = 2 RTT", ladderOnly, delayed, 2);
                wan("full, connectionsInFlight 3 (default): side probes queue behind the gate", full, delayed, 2);
                wan("full, connectionsInFlight 7: every side probe starts at once", fullWide, delayed, 2);
                nmap("nmap -Pn --script rdp-enum-encryption,ssl-cert (through the proxy)", proxy.port(), 3);
            }
        }
        timeouts();
    }

    private static Prober prober(boolean scans, int connectionsInFlight) {
        return Prober.builder().policy(TargetPolicy.of("127.0.0.1/32:1024-65535")).connectionsInFlight(connectionsInFlight)
                .scanProtocols(scans).scanTlsVersions(scans).build();
    }

    private static void loopback(String label, Prober prober, Target target) {
        for (int i = 0; i < WARMUP; i++) {
            check(prober.probe(target));
        }
        List<Double> millis = new ArrayList<>();
        java.util.Map<String, List<Double>> steps = new java.util.LinkedHashMap<>();
        for (int i = 0; i < RUNS; i++) {
            ProbeReport report = check(prober.probe(target));
            millis.add(report.elapsed().toNanos() / 1e6);
            report.results().forEach(r -> steps.computeIfAbsent(r.name(), k -> new ArrayList<>())
                    .add(r.elapsed().toNanos() / 1e6));
        }
        Collections.sort(millis);
        System.out.printf("  %-55s median %6.1f ms   p99 %6.1f ms%n", label, percentile(millis, 50),
                percentile(millis, 99));
        StringBuilder breakdown = new StringBuilder("    step medians:");
        steps.forEach((name, values) -> {
            Collections.sort(values);
            breakdown.append(String.format(" %s %.1f", name, percentile(values, 50)));
        });
        System.out.println(breakdown);
    }

    private static void wan(String label, Prober prober, Target target, int roundTrips) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            millis.add(check(prober.probe(target)).elapsed().toNanos() / 1e6);
        }
        Collections.sort(millis);
        double floor = roundTrips * 2.0 * ONE_WAY.toMillis();
        System.out.printf("  %-70s median %6.1f ms = %.2f x the %d-RTT floor of %.0f ms%n", label,
                percentile(millis, 50), percentile(millis, 50) / floor, roundTrips, floor);
    }

    /**
     * The closest standard tool, timed as a whole process against the same server: nmap's RDP scripts do the X.224
     * negotiation per security layer, and ssl-cert fetches the certificate (it knows RDP's preamble on port 3389
     * only, so on another port it may report no certificate; the time is what is compared).
     */
    private static void nmap(String label, int port, int runs) throws Exception {
        if (Tools.find("nmap") == null) {
            System.out.println("  " + label + ": nmap is not installed (apt-get install nmap)");
            return;
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Process p = new ProcessBuilder("nmap", "-Pn", "-n", "-p", String.valueOf(port), "--script",
                    "rdp-enum-encryption,ssl-cert", "127.0.0.1").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf("  %-55s median %6.1f ms   max %6.1f ms (%d runs, whole process)%n", label,
                percentile(millis, 50), millis.get(millis.size() - 1), runs);
    }

    /** Hang and filtered end at the timeout; how far past it is the overhead. */
    private static void timeouts() {
        Duration timeout = Duration.ofSeconds(2);
        try (Prober prober = Prober.builder().policy(TargetPolicy.of("127.0.0.1/32:1024-65535")).stepTimeout(timeout)
                .overallTimeout(timeout).build();
             FaultServer hang = FaultServer.start(FaultServer.Behaviour.HANG);
             FilteredPort filtered = FilteredPort.open()) {
            ProbeReport hung = prober.probe(new Target("127.0.0.1", hang.port()));
            ProbeReport dropped = prober.probe(new Target("127.0.0.1", filtered.port()));
            System.out.printf("timeout %d ms: hang ended after %d ms (rdp %s), filtered after %d ms (tcp %s)%n",
                    timeout.toMillis(), hung.elapsed().toMillis(), hung.results().get(3).outcome(),
                    dropped.elapsed().toMillis(), dropped.results().get(2).outcome());
        }
    }

    private static ProbeReport check(ProbeReport report) {
        if (report.results().get(5).outcome() == Outcome.SKIPPED) {
            throw new IllegalStateException("the probe did not reach the certificate:\n"
                    + String.join("\n", report.ladder()));
        }
        return report;
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
