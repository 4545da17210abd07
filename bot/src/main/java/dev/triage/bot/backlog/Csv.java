package dev.triage.bot.backlog;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and doubled
 * quotes; records end with CRLF, LF or a lone CR; a leading UTF-8 byte order mark is dropped. Lenient where real
 * exports are: a quote inside an unquoted field is kept as a character. A record it cannot read (text after a
 * closing quote, a quote never closed) becomes a {@link Broken} naming its line, and reading goes on after it.
 */
final class Csv {
    private final String text;
    private int at;
    private int line = 1;

    private Csv(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** One record of the file, or why it could not be read; {@code line} is where it starts (1 = the first line). */
    sealed interface Record permits Row, Broken {
        int line();
    }

    record Row(int line, List<String> fields) implements Record {
        Row {
            fields = List.copyOf(fields);
        }
    }

    record Broken(int line, String reason) implements Record {
    }

    /** Every record of {@code text} in file order; blank lines are skipped. */
    static List<Record> read(String text) {
        Csv csv = new Csv(text);
        List<Record> records = new ArrayList<>();
        while (csv.at < csv.text.length()) {
            if (csv.atLineEnd()) {
                csv.skipLineEnd();
                continue;
            }
            records.add(csv.record());
        }
        return records;
    }

    private Record record() {
        int startLine = line;
        int startAt = at;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            String problem = text.startsWith("\"", at) ? quoted(field) : unquoted(field);
            if (problem != null) {
                return broken(startLine, startAt, problem);
            }
            fields.add(field.toString());
            if (at >= text.length()) {
                return new Row(startLine, fields);
            }
            if (text.charAt(at) == ',') {
                at++;
                continue;
            }
            skipLineEnd();
            return new Row(startLine, fields);
        }
    }

    /** Reads a field up to the next comma or line end. */
    private String unquoted(StringBuilder field) {
        while (at < text.length() && text.charAt(at) != ',' && !atLineEnd()) {
            field.append(text.charAt(at++));
        }
        return null;
    }

    /** Reads a quoted field and its closing quote; the problem, or null when it is well formed. */
    private String quoted(StringBuilder field) {
        int openedOn = line;
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '"') {
                if (text.startsWith("\"\"", at)) {
                    field.append('"');
                    at += 2;
                    continue;
                }
                at++;
                boolean ends = at >= text.length() || text.charAt(at) == ',' || atLineEnd();
                return ends ? null : "text after the closing quote of a field (a quote inside a quoted field"
                        + " must be doubled)";
            }
            if (atLineEnd()) {
                skipLineEnd();
                field.append('\n');
            } else {
                field.append(c);
                at++;
            }
        }
        return "a quoted field opened on line " + openedOn + " is never closed";
    }

    /**
     * A record that cannot be read. Reading resumes on the line after the record's first line: a stray quote then
     * costs that one row rather than every row up to the next quote.
     */
    private Broken broken(int startLine, int startAt, String reason) {
        at = startAt;
        line = startLine;
        while (at < text.length() && !atLineEnd()) {
            at++;
        }
        skipLineEnd();
        return new Broken(startLine, reason);
    }

    private boolean atLineEnd() {
        return at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r');
    }

    private void skipLineEnd() {
        if (text.startsWith("\r\n", at)) {
            at += 2;
        } else if (atLineEnd()) {
            at++;
        } else {
            return;
        }
        line++;
    }
}
