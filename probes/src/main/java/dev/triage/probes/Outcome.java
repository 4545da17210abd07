package dev.triage.probes;

/**
 * What one probe step found. One vocabulary for every step so rules and renderers can match on names; each result
 * record accepts only the outcomes that apply to its step (see its {@code ALLOWED} set).
 */
public enum Outcome {
    // policy
    ALLOWED, DENIED,
    // dns
    RESOLVED, NXDOMAIN, FAILED,
    // tcp
    CONNECTED, REFUSED, TIMEOUT, RESET, UNREACHABLE,
    // rdp, tls, certificate, ntlm
    OK, FAILURE, NO_RESPONSE, GARBAGE,
    NO_COMMON_VERSION, HANDSHAKE_FAILED,
    EXPIRED, NOT_YET_VALID, NAME_MISMATCH, WEAK_KEY, SELF_SIGNED,
    NOT_OFFERED,
    /** The step was not run because an earlier step made it pointless; the summary says why. */
    SKIPPED;

    /**
     * Whether the step is a pass for a ✓/✗ ladder. {@code SELF_SIGNED} counts as a pass because it is how most RDP
     * hosts run; the certificate details still say so. {@code SKIPPED} and {@code NOT_OFFERED} are neither: see
     * {@link #isNeutral()}.
     */
    public boolean passed() {
        return switch (this) {
            case ALLOWED, RESOLVED, CONNECTED, OK, SELF_SIGNED -> true;
            default -> false;
        };
    }

    /** True for outcomes that are neither a pass nor a failure (rendered as "–" rather than ✓ or ✗). */
    public boolean isNeutral() {
        return this == SKIPPED || this == NOT_OFFERED;
    }
}
