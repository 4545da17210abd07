package dev.triage.bot.probing;

import dev.triage.probes.TargetPolicy;
import java.util.Objects;

/**
 * What {@code probes.scopes} lets one identity probe. Each case says which rule decided ({@code origin}), for the
 * audit.
 */
public sealed interface ProbeScope {

    /** The rule, or the default, that decided: {@code probes.scopes line 4}, {@code no probes.scopes file}, ... */
    String origin();

    /** Whatever the global allow-list allows ({@code all}, or no scopes file at all). */
    record Global(String origin) implements ProbeScope {
        public Global {
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** Only targets both the global allow-list and {@code entries} allow. */
    record Within(TargetPolicy entries, String origin) implements ProbeScope {
        public Within {
            Objects.requireNonNull(entries, "entries");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** No probes at all ({@code none}, or no rule matched). */
    record Refused(String origin) implements ProbeScope {
        public Refused {
            Objects.requireNonNull(origin, "origin");
        }
    }
}
