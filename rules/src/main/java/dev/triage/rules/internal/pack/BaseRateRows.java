package dev.triage.rules.internal.pack;

import dev.triage.rules.PackProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a pack's {@code base-rates.tsv}: {@code cause <TAB> resolved}, how many resolved cases of the pack's
 * development set had each cause. A cause left out was resolved in none; every problem names the file, line and field.
 */
final class BaseRateRows {
    private static final List<String> COLUMNS = List.of("cause", "resolved");

    private BaseRateRows() {
    }

    static Map<String, Integer> parse(String file, List<String> lines, Set<String> causes, List<PackProblem> problems) {
        Map<String, Integer> resolved = new LinkedHashMap<>();
        for (Tsv.Row row : Tsv.rows(file, lines, COLUMNS, COLUMNS.size(), problems)) {
            String cause = row.cell(0);
            Integer count = count(row.cell(1));
            if (!causes.contains(cause)) {
                problems.add(new PackProblem(file, row.line(), "cause", "'" + cause + "' is not a cause of this pack"
                        + " (list it in causes.tsv)"));
            } else if (resolved.containsKey(cause)) {
                problems.add(new PackProblem(file, row.line(), "cause", "'" + cause + "' is listed twice"));
            } else if (count == null) {
                problems.add(new PackProblem(file, row.line(), "resolved", "'" + row.cell(1)
                        + "' is not a count of cases (a whole number from 0)"));
            } else {
                resolved.put(cause, count);
            }
        }
        return resolved;
    }

    private static Integer count(String cell) {
        try {
            int n = Integer.parseInt(cell);
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
