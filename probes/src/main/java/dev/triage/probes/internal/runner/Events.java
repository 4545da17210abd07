package dev.triage.probes.internal.runner;

import dev.triage.probes.ProbeListener;
import dev.triage.probes.ProbeResult;
import dev.triage.probes.Target;

/** Delivers progress events; a failing listener must not break the run. */
final class Events {
    private final ProbeListener listener;
    private final Target target;

    Events(ProbeListener listener, Target target) {
        this.listener = listener;
        this.target = target;
    }

    void started(String step) {
        try {
            listener.stepStarted(target, step);
        } catch (RuntimeException e) {
            // The listener's own bug; the probe result is still correct without the event.
        }
    }

    <T extends ProbeResult> T finished(T result) {
        try {
            listener.stepFinished(target, result);
        } catch (RuntimeException e) {
            // As above.
        }
        return result;
    }
}
