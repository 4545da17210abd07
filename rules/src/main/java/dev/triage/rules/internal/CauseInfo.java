package dev.triage.rules.internal;

import java.util.Objects;

/**
 * A cause the rules know, with where its fault lives, so one rule can lift or lower a whole group.
 *
 * @param id    the cause id
 * @param scope {@code target} (specific to one server), {@code target-network} (the network
 *              in front of one server: its name, port, firewall), {@code client} (the user's machine or app) or {@code path}
 *              (the network between them)
 */
public record CauseInfo(String id, String scope) {
    public CauseInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
    }
}
