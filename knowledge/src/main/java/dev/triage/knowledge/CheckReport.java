package dev.triage.knowledge;

import java.util.List;

/**
 * The result of validating a folder of articles: how many were read and every problem found.
 *
 * @param articles how many article files were read
 * @param problems every problem, in file order; empty when the pack is valid
 */
public record CheckReport(int articles, List<Problem> problems) {
    public CheckReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One problem: the file, the field (front-matter key or section name) and what is wrong. */
    public record Problem(String file, String field, String message) {
        @Override
        public String toString() {
            return file + ": " + field + ": " + message;
        }
    }
}
