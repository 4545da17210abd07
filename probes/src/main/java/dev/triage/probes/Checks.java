package dev.triage.probes;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Validation shared by the result records' compact constructors. */
final class Checks {
    private Checks() {
    }

    static void outcome(String step, Outcome outcome, Set<Outcome> allowed) {
        Objects.requireNonNull(outcome, "outcome");
        if (!allowed.contains(outcome)) {
            throw new IllegalArgumentException(step + " result cannot have outcome " + outcome + "; allowed: " + allowed);
        }
    }

    static String summary(String summary) {
        Objects.requireNonNull(summary, "summary");
        if (summary.isBlank() || summary.contains("\n")) {
            throw new IllegalArgumentException("summary must be one non-blank line: '" + summary + "'");
        }
        return summary;
    }

    static Duration elapsed(Duration elapsed) {
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative: " + elapsed);
        }
        return elapsed;
    }

    /** An unmodifiable copy that keeps insertion order, so renderers show details in the order they were found. */
    static Map<String, String> details(Map<String, String> details) {
        Objects.requireNonNull(details, "details");
        details.forEach((k, v) -> {
            Objects.requireNonNull(k, "details key");
            Objects.requireNonNull(v, () -> "details value for " + k);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
