package dev.triage.rules.internal;

import java.util.Objects;

/**
 * A cause the rules know, with where its fault lives and at which step of the connection it can show, so one rule can
 * lift or lower a whole group.
 *
 * @param id    the cause id
 * @param scope {@code target} (specific to one server), {@code target-network} (the network
 *              in front of one server: its name, port, firewall), {@code client} (the user's machine or app) or {@code path}
 *              (the network between them)
 * @param stage {@code past-tcp} when the fault shows only once the server has accepted the TCP connection (a refused
 *              or silent port rules it out), {@code any} otherwise
 */
public record CauseInfo(String id, String scope, String stage) {
    /** The stage of a cause whose fault can show before or at the TCP step (and of a pack that says nothing). */
    public static final String ANY_STAGE = "any";
    /** The stage of a cause whose fault shows only once the server has accepted the TCP connection. */
    public static final String PAST_TCP = "past-tcp";

    public CauseInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(stage, "stage");
    }

    public CauseInfo(String id, String scope) {
        this(id, scope, ANY_STAGE);
    }
}
