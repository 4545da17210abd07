package dev.triage.rules.internal.evidence;

import java.util.Objects;

/**
 * A ping from the user's PC (Windows, Linux or macOS output, or {@code PingSucceeded} of Test-NetConnection).
 *
 * @param host        the name or address pinged; empty when the output did not say
 * @param replies     echo replies from the host itself
 * @param lost        requests without a reply (time-outs and "unreachable" answers)
 * @param unreachable true when a router answered "destination host unreachable"
 */
public record UserPing(String host, int replies, int lost, boolean unreachable) implements UserEvidence {
    public UserPing {
        Objects.requireNonNull(host, "host");
        if (replies < 0 || lost < 0) {
            throw new IllegalArgumentException("negative counts");
        }
    }

    /** True when the host answered at least once. */
    public boolean answered() {
        return replies > 0;
    }

    @Override
    public String describe() {
        String what = answered() ? replies + (replies == 1 ? " reply, " : " replies, ") + lost + " lost"
                : unreachable ? "destination host unreachable" : "no replies";
        return "the user's ping to " + Text.target(host) + ": " + what;
    }
}
