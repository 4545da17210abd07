package dev.triage.rules.internal.evidence;

import java.util.Objects;

/**
 * The server's own list of its Remote Desktop sessions and listeners ({@code qwinsta} / {@code query session}),
 * pasted by the user: whether the RDP-Tcp listener is there and in its Listen state.
 *
 * @param state the RDP-Tcp row's state as printed ("Listen", "Down", ...), or empty when no RDP-Tcp row was listed
 */
public record ListenerListing(String state) implements UserEvidence {
    public ListenerListing {
        Objects.requireNonNull(state, "state");
    }

    /** True when the RDP-Tcp listener is listed in its Listen state. */
    public boolean listening() {
        return state.equalsIgnoreCase("listen");
    }

    /** True when the listing names no RDP-Tcp listener at all. */
    public boolean missing() {
        return state.isEmpty();
    }

    @Override
    public String describe() {
        return missing() ? "the server's qwinsta lists no rdp-tcp listener"
                : "the server's qwinsta lists rdp-tcp in state " + state;
    }
}
