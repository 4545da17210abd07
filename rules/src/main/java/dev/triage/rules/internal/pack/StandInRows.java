package dev.triage.rules.internal.pack;

import dev.triage.rules.PackProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a pack's {@code stand-ins.tsv}: {@code stand-in <TAB> for <TAB> why}, each fact written as a signal
 * ({@code family id}) or as a code the pack weighs ({@code kind code}), and {@code for} listing the stronger facts as
 * {@code family id | kind code}. Every problem names the file, line and field.
 */
final class StandInRows {
    private static final List<String> COLUMNS = List.of("stand-in", "for", "why");

    private final String pack;
    private final String file;
    private final Set<String> signals;
    private final Set<String> weighed;
    private final List<PackProblem> problems;
    private final Map<String, StandIn> declared = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new LinkedHashMap<>();

    private StandInRows(String pack, String file, Set<String> signals, Set<String> weighed,
            List<PackProblem> problems) {
        this.pack = pack;
        this.file = file;
        this.signals = signals;
        this.weighed = weighed;
        this.problems = problems;
    }

    /**
     * The declarations of {@code lines}, each checked against the pack's facts ({@code signals}: its phrase families
     * and the codes of its codes.tsv) and the facts that have rows to give up ({@code weighed}).
     */
    static List<StandIn> parse(String pack, String file, List<String> lines, Set<String> signals, Set<String> weighed,
            List<PackProblem> problems) {
        StandInRows reader = new StandInRows(pack, file, signals, weighed, problems);
        Tsv.rows(file, lines, COLUMNS, COLUMNS.size(), problems).forEach(reader::row);
        reader.refuseCycles();
        return List.copyOf(reader.declared.values());
    }

    private void row(Tsv.Row row) {
        String standIn = row.cell(0);
        boolean ok = known(row, "stand-in", standIn);
        if (ok && !weighed.contains(standIn)) {
            ok = problem(row, "stand-in", "'" + standIn + "' has no row in signals.tsv or codes.tsv, so it has no"
                    + " weight to give up");
        }
        if (ok && declared.containsKey(standIn)) {
            ok = problem(row, "stand-in", "'" + standIn + "' is declared twice (also line " + lines.get(standIn)
                    + "); list all its stronger signals in one row's 'for' cell");
        }
        List<String> strong = new ArrayList<>();
        for (String cell : row.cell(1).isEmpty() ? new String[0] : row.cell(1).split("\\|")) {
            String signal = cell.strip();
            if (!known(row, "for", signal)) {
                ok = false;
            } else if (signal.equals(standIn)) {
                ok = problem(row, "for", "'" + signal + "' cannot stand in for itself");
            }
            strong.add(signal);
        }
        if (strong.isEmpty()) {
            ok = problem(row, "for", "is empty: name the stronger signal(s), 'family id | family id'");
        }
        if (row.cell(2).isEmpty()) {
            ok = problem(row, "why", "is empty: say why the two are one fact (and the stand-in wording's source)");
        }
        if (ok) {
            declared.put(standIn, new StandIn(pack, standIn, strong, row.cell(2)));
            lines.put(standIn, row.line());
        }
    }

    private boolean known(Tsv.Row row, String field, String signal) {
        return signals.contains(signal) || problem(row, field, "'" + signal + "' is not a signal of this pack's "
                + PackReader.PHRASES + " nor a code of its codes.tsv (write 'family id', e.g. 'text nla-word', or"
                + " 'kind code', e.g. 'errconnect ERRCONNECT_CONNECT_FAILED')");
    }

    /**
     * A loop of declarations (a for b, b for a) would take every signal in it out when all fire, so the fact would
     * count for nothing.
     */
    private void refuseCycles() {
        for (StandIn s : List.copyOf(declared.values())) {
            if (reaches(s.strong(), s.standIn(), new HashSet<>())) {
                problems.add(new PackProblem(file, lines.get(s.standIn()), "for", "'" + s.standIn() + "' stands in,"
                        + " through " + s.strong() + ", for itself: when all of them fire none would count"));
            }
        }
    }

    private boolean reaches(List<String> from, String target, Set<String> seen) {
        for (String signal : from) {
            if (signal.equals(target)) {
                return true;
            }
            StandIn next = declared.get(signal);
            if (next != null && seen.add(signal) && reaches(next.strong(), target, seen)) {
                return true;
            }
        }
        return false;
    }

    private boolean problem(Tsv.Row row, String field, String message) {
        problems.add(new PackProblem(file, row.line(), field, message));
        return false;
    }
}
