package dev.triage.rules.internal.evidence;

import java.util.Objects;
import java.util.Set;

/**
 * A failure line of a FreeRDP-based client log (xfreerdp, Remmina).
 *
 * @param kind    what failed: one of {@link #KINDS}
 * @param excerpt the log line, shortened (for the evidence sentence)
 */
public record ClientLogError(String kind, String excerpt) implements UserEvidence {
    public static final Set<String> KINDS = Set.of("dns-failed", "refused", "timeout", "no-route",
            "reset", "connect-failed", "cert-name-mismatch", "cert-changed", "tls-failed", "logon-failed", "account-locked");

    public ClientLogError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(excerpt, "excerpt");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("unknown client log error kind: " + kind);
        }
    }

    @Override
    public String describe() {
        return "the client log shows " + kind.replace('-', ' ') + " (\"" + excerpt + "\")";
    }
}
