package dev.triage.rules.internal;

import java.util.Objects;

/**
 * A hint found in the pasted text.
 *
 * @param pack    the pack whose phrase matched; only that pack's rules and tables read the signal
 * @param family  {@code client}, {@code env} or {@code text} (a wording family pointing at a mechanism)
 * @param id      the hint within its family, e.g. {@code freerdp}, {@code azure}, {@code host-key-changed}
 * @param excerpt the words that matched, as the user wrote them (for evidence sentences)
 */
public record Signal(String pack, String family, String id, String excerpt) {
    public Signal {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(excerpt, "excerpt");
    }
}
