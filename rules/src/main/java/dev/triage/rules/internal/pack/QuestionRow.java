package dev.triage.rules.internal.pack;

import dev.triage.rules.PackProblem;
import dev.triage.rules.Question;
import dev.triage.rules.Question.Option;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One row of {@code questions.tsv}: id, the share of people who cannot answer (0 to below 1), the prompt, and the
 * options as {@code value=Label | value=Label}; an empty options cell makes a free-text question. Values are
 * lower-case-hyphenated; {@code unknown} is the "don't know" option, which changes no cause.
 */
final class QuestionRow {
    private QuestionRow() {
    }

    static Optional<Question> parse(Tsv.Row row, String file, List<PackProblem> problems) {
        int before = problems.size();
        String id = row.cell(0);
        if (!PackReader.kebab(id)) {
            problems.add(new PackProblem(file, row.line(), "question", "'" + id + "' is not a lower-case-hyphenated id"));
        }
        double unknown = share(row, file, problems);
        if (row.cell(2).isEmpty()) {
            problems.add(new PackProblem(file, row.line(), "text", "is empty"));
        }
        List<Option> options = options(row, file, problems);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Question(id, row.cell(2), options, unknown));
    }

    private static double share(Tsv.Row row, String file, List<PackProblem> problems) {
        try {
            double share = Double.parseDouble(row.cell(1));
            if (share >= 0 && share < 1) {
                return share;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new PackProblem(file, row.line(), "unknown-share", "'" + row.cell(1)
                + "' is not a number from 0 to below 1"));
        return 0;
    }

    private static List<Option> options(Tsv.Row row, String file, List<PackProblem> problems) {
        List<Option> options = new ArrayList<>();
        Set<String> values = new HashSet<>();
        if (row.cell(3).isEmpty()) {
            return options;
        }
        for (String cell : row.cell(3).split("\\|")) {
            String option = cell.strip();
            int eq = option.indexOf('=');
            String value = eq < 0 ? "" : option.substring(0, eq).strip();
            String label = eq < 0 ? "" : option.substring(eq + 1).strip();
            if (!PackReader.kebab(value) || label.isEmpty()) {
                problems.add(new PackProblem(file, row.line(), "options", "'" + option
                        + "' is not value=Label with a lower-case-hyphenated value"));
            } else if (!values.add(value)) {
                problems.add(new PackProblem(file, row.line(), "options", "'" + value + "' is listed twice"));
            } else {
                options.add(new Option(value, label));
            }
        }
        return options;
    }
}
