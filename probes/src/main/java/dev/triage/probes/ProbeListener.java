package dev.triage.probes;

/**
 * Progress events of a probe run, for showing the ladder live. Called from the prober's worker threads, possibly
 * concurrently, so implementations must be thread-safe and quick. {@code stepFinished} comes exactly once per step
 * and in ladder order (dns, policy, tcp, rdp, tls, certificate, ntlm), even though the steps run in parallel.
 * {@code stepStarted} comes when a step begins network or parsing work, so a step decided without any (a
 * {@code SKIPPED} or {@code NOT_OFFERED} result) has only its {@code stepFinished}. The final report's dns result
 * may add the PTR name, which arrives after the dns event. An exception thrown by a listener is caught and ignored
 * so it cannot break the run.
 */
public interface ProbeListener {

    ProbeListener NONE = new ProbeListener() {
    };

    /** {@code step} is a {@link ProbeResult#name()}. */
    default void stepStarted(Target target, String step) {
    }

    default void stepFinished(Target target, ProbeResult result) {
    }
}
