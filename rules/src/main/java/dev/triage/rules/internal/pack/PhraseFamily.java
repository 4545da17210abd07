package dev.triage.rules.internal.pack;

import java.util.List;
import java.util.Objects;

/**
 * One line of a pack's {@code phrases.txt}: the wordings that raise one signal.
 *
 * @param pack    the pack that owns the signal; its words only ever weigh that pack's causes
 * @param family  {@code client}, {@code env} or {@code text} (a wording family pointing at a mechanism)
 * @param id      the signal within its family
 * @param phrases the literal phrases; a trailing {@code *} matches a word prefix
 */
public record PhraseFamily(String pack, String family, String id, List<String> phrases) {
    public PhraseFamily {
        Objects.requireNonNull(pack, "pack");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(id, "id");
        phrases = List.copyOf(phrases);
    }

    /** The signal's key within its pack, as tables name it: {@code "text cert-expired"}. */
    public String signal() {
        return family + " " + id;
    }
}
