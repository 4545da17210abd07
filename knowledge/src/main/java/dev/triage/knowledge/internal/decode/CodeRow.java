package dev.triage.knowledge.internal.decode;

import java.util.Objects;

/**
 * One row of a code table: a single value ({@code first == last}) or a documented range, with its name and meaning.
 */
public record CodeRow(long first, long last, String name, String meaning) {
    public CodeRow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
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
