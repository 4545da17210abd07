package dev.triage.rules.internal.pack;

import dev.triage.rules.PackProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a tab-separated pack table. Blank lines and lines starting with {@code #} are skipped; each row must
 * have the required columns and at most the optional ones after them.
 */
final class Tsv {
    /** One row with its 1-based line number, for messages. */
    record Row(int line, List<String> cells) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i).strip() : "";
        }
    }

    private Tsv() {
    }

    static List<Row> rows(String file, List<String> lines, List<String> columns, int required,
            List<PackProblem> problems) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split("\t", -1));
            if (cells.size() < required || cells.size() > columns.size()) {
                String field = cells.size() < required ? columns.get(cells.size()) : "columns";
                problems.add(new PackProblem(file, i + 1, field, "expected " + required
                        + (required == columns.size() ? "" : " to " + columns.size()) + " tab-separated columns ("
                        + String.join(", ", columns) + "), found " + cells.size()));
                continue;
            }
            rows.add(new Row(i + 1, cells));
        }
        return rows;
    }
}
