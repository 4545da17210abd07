package dev.triage.probes;

import java.time.Duration;
import java.util.Map;

/**
 * The result of one probe step. A failed check is a result, never an exception.
 *
 * <p>{@link #details()} keys are stable (documented on each record) and values are plain strings, ready for JSON and
 * for rules. Implementations are immutable.
 */
public sealed interface ProbeResult
        permits DnsResult, PolicyResult, TcpResult, RdpResult, TlsResult, CertificateResult, NtlmResult {

    /** The step name: {@code dns}, {@code policy}, {@code tcp}, {@code rdp}, {@code tls}, {@code certificate}, {@code ntlm}. */
    String name();

    Outcome outcome();

    /** One human-readable line. */
    String summary();

    /** Wall time the step took; zero for skipped steps. */
    Duration elapsed();

    Map<String, String> details();
}
