package dev.triage.rules.internal.evidence;

import java.util.Objects;

/**
 * An Event Viewer entry the user pasted.
 *
 * @param id     the event id (1058, 36870, 4625, ...)
 * @param source the provider as far as known ({@code Schannel}, {@code TermDD}, ...), empty when not
 * @param detail the one detail the rules use: the NTSTATUS of a 4625 ({@code 0xc000006a}), the disconnect code of a
 *               1026 ({@code 0x904}); empty when none
 */
public record EventLogEntry(int id, String source, String detail) implements UserEvidence {
    public EventLogEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String describe() {
        String from = source.isEmpty() ? "" : " (" + source + ")";
        return "event " + id + from + (detail.isEmpty() ? "" : ": " + detail) + " in the user's Event Viewer paste";
    }
}
