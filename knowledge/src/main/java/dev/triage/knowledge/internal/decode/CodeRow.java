package dev.triage.knowledge.internal.decode;

import dev.triage.knowledge.CauseHint;
import java.util.List;
import java.util.Objects;

/**
 * One row of a code table: a single value ({@code first == last}) or a documented range, with its name and meaning,
 * and the causes it points at when the table says so.
 */
public record CodeRow(long first, long last, String name, String meaning, List<CauseHint> causes) {
    public CodeRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        causes = List.copyOf(causes);
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("bad range " + first + ".." + last);
        }
    }

    public boolean isRange() {
        return first != last;
    }

    public boolean contains(long value) {
        return first <= value && value <= last;
    }
}
