package dev.triage.rules.internal;

import java.util.Objects;

/** Present when the host the user connects to is known, so probes can run. */
public record TargetHost(String host) {
    public TargetHost {
        Objects.requireNonNull(host, "host");
    }
}
