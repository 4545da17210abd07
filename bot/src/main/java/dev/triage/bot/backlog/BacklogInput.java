package dev.triage.bot.backlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tickets of one input file, the rows that could not be read, and notes on how it was read.
 *
 * @param system  what the columns were recognised as ("Jira", "ServiceNow", "Zendesk", "named columns", "JSON lines")
 * @param notes   things the reader did that a person should know (bytes read as windows-1252), each naming a line
 */
public record BacklogInput(String system, List<Ticket> tickets, List<Skipped> skipped, List<String> notes) {
    public BacklogInput {
        tickets = List.copyOf(tickets);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }

    /** What reading an export gave: its tickets, or why the file as a whole cannot be used. */
    public sealed interface Read permits Loaded, Refused {
    }

    public record Loaded(BacklogInput input) implements Read {
    }

    public record Refused(String reason) implements Read {
    }

    /**
     * Reads a CSV export. The first record is the header; {@code textColumns} and {@code idColumn} name the columns
     * when the export is none of the recognised ones ({@link ExportColumns}). A row with more or fewer fields than
     * the header is skipped, as is one the CSV reader cannot read; a row with an empty id gets {@code line-N}.
     */
    public static Read csv(byte[] bytes, List<String> textColumns, Optional<String> idColumn) {
        Decoding.Decoded decoded = Decoding.decode(bytes);
        List<Csv.Record> records = Csv.read(decoded.text());
        if (records.isEmpty() || !(records.get(0) instanceof Csv.Row header)) {
            return new Refused(records.isEmpty() ? "the file is empty" : "its header cannot be read: "
                    + ((Csv.Broken) records.get(0)).reason());
        }
        ExportColumns.Result columns = ExportColumns.choose(header.fields(), textColumns, idColumn);
        if (columns.chosen().isEmpty()) {
            return new Refused(columns.problem());
        }
        ExportColumns.Chosen chosen = columns.chosen().get();
        List<Ticket> tickets = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Csv.Record record : records.subList(1, records.size())) {
            if (record instanceof Csv.Broken broken) {
                skipped.add(new Skipped(broken.line(), broken.reason()));
            } else if (((Csv.Row) record).fields().size() != header.fields().size()) {
                skipped.add(new Skipped(record.line(), ((Csv.Row) record).fields().size() + " fields where the header"
                        + " has " + header.fields().size()));
            } else {
                tickets.add(ticket((Csv.Row) record, chosen));
            }
        }
        List<String> notes = decoded.recodedLines().stream()
                .map(l -> "line " + l + ": bytes that are not UTF-8 were read as windows-1252").toList();
        return new Loaded(new BacklogInput(chosen.system(), tickets, skipped, notes));
    }

    private static Ticket ticket(Csv.Row row, ExportColumns.Chosen chosen) {
        String id = chosen.id() < 0 ? "" : row.fields().get(chosen.id()).strip();
        StringBuilder text = new StringBuilder();
        for (int column : chosen.text()) {
            String value = row.fields().get(column).strip();
            if (!value.isEmpty()) {
                text.append(text.length() == 0 ? "" : "\n\n").append(value);
            }
        }
        return new Ticket(row.line(), id.isEmpty() ? "line-" + row.line() : id, text.toString());
    }
}
