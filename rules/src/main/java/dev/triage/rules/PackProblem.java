package dev.triage.rules;

import java.util.Objects;

/**
 * One thing wrong with a pack's file.
 *
 * @param file    where the file is ({@code packs/rdp/causes.tsv}, or a path under a site folder)
 * @param line    1-based line, or 0 when the problem is about the file as a whole
 * @param field   the column, key or part that is wrong
 * @param message what is wrong, in words
 */
public record PackProblem(String file, int line, String field, String message) {
    public PackProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The file with its line, as messages name it. */
    public String where() {
        return line > 0 ? file + " line " + line : file;
    }

    @Override
    public String toString() {
        return where() + ": " + field + ": " + message;
    }
}
