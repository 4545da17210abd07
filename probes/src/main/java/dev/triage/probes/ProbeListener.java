package dev.triage.probes;

/**
 * Progress events of a probe run, for showing the ladder live. Called from the prober's worker threads, possibly
 * concurrently, so implementations must be thread-safe and quick. Every {@code stepStarted} is followed by a
 * {@code stepFinished} for the same step, unless the step is skipped outright (then only {@code stepFinished} with a
 * {@code SKIPPED} result). An exception thrown by a listener is caught and ignored so it cannot break the run.
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
