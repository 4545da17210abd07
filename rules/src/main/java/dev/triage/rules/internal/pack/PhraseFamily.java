package dev.triage.rules.internal.pack;

import java.util.List;
import java.util.Objects;

/**
 * One line of a pack's {@code phrases.txt}: the wordings that raise one signal.
 *
 * @param pack    the pack that owns the signal; its words only ever weigh that pack's causes
 * @param family  {@code client}, {@code env}, {@code text} (a wording family pointing at a mechanism) or
 *                {@link #CONTEXT}
 * @param id      the signal within its family
 * @param phrases the literal phrases; a trailing {@code *} matches a word prefix
 */
public record PhraseFamily(String pack, String family, String id, List<String> phrases) {
    /**
     * A family that raises no signal of its own: its phrases are the surroundings (a product's own log line, a direction
     * word) in which the words of other families mean something else, so a hit of another family that lies wholly
     * inside one of its hits is not counted. Example: xrdp's log line "connecting to sesman ip 127.0.0.1 port 3350" holds
     * a loopback address that is xrdp's own plumbing, not the user's target.
     */
    public static final String CONTEXT = "context";

    public PhraseFamily {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(id, "id");
        phrases = List.copyOf(phrases);
    }

    /** Whether this family only gives other families' words their context and raises no signal itself. */
    public boolean context() {
        return CONTEXT.equals(family);
    }

    /** The signal's key within its pack, as tables name it: {@code "text cert-expired"}. */
    public String signal() {
        return family + " " + id;
    }
}
