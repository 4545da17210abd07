package dev.triage.bot.backlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code batch --format csv}: one row per ticket, quoted as RFC 4180 asks, lines ending in CRLF. A field that a
 * spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR first) gets a leading
 * apostrophe: ids, summaries and hosts come from ticket text, which anyone could have typed.
 */
public final class CsvOut {
    public static final String HEADER = "id,line,summary,cause_1,confidence_1,cause_2,confidence_2,cause_3,"
            + "confidence_3,codes,host,error\r\n";

    private CsvOut() {
    }

    public static String row(BacklogRow row) {
        List<String> fields = new ArrayList<>(List.of(row.id(), Integer.toString(row.line()), row.summary()));
        for (int i = 0; i < BacklogRow.CAUSES; i++) {
            boolean has = i < row.causes().size();
            fields.add(has ? row.causes().get(i).id() : "");
            fields.add(has ? String.format(Locale.ROOT, "%.3f", row.causes().get(i).confidence()) : "");
        }
        fields.add(String.join(" ", row.codes().stream().map(BacklogRow.Code::code).toList()));
        fields.add(row.host().orElse(""));
        fields.add(row.error().orElse(""));
        StringBuilder line = new StringBuilder();
        for (String field : fields) {
            line.append(line.length() == 0 ? "" : ",").append(quoted(field));
        }
        return line.append("\r\n").toString();
    }

    static String quoted(String field) {
        String safe = !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
