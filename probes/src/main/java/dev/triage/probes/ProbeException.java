package dev.triage.probes;

/** Thrown only for bugs and bad configuration; an unreachable or broken server is a {@link ProbeResult}. */
public class ProbeException extends RuntimeException {
    public ProbeException(String message) {
        super(message);
    }

    public ProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
