package dev.triage.rules;

import java.util.List;
import java.util.Objects;

/**
 * A cause with its confidence and the evidence behind it.
 *
 * @param id         the cause id ({@code cert.expired})
 * @param confidence 0..1
 * @param evidence   why: one entry per rule that contributed, strongest first
 */
public record RankedCause(String id, double confidence, List<Evidence> evidence) {
    public RankedCause {
        Objects.requireNonNull(id, "id");
        evidence = List.copyOf(evidence);
    }
}
