package dev.triage.knowledge.internal.markdown;

import dev.triage.knowledge.CheckReport.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file so that a check reports all of them, not just the first. */
final class Problems {
    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(String field, String message) {
        found.add(new Problem(file, field, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    List<Problem> list() {
        return List.copyOf(found);
    }
}
