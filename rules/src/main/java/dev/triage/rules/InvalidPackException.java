package dev.triage.rules;

import java.util.List;

/** A pack that cannot be loaded; the message names the file, line and field of the first problem. */
public final class InvalidPackException extends RulesException {
    private final transient List<PackProblem> problems;

    public InvalidPackException(List<PackProblem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public List<PackProblem> problems() {
        return problems;
    }

    private static String message(List<PackProblem> problems) {
        String more = problems.size() == 1 ? ""
                : " (and " + (problems.size() - 1) + " more problems; run 'triage kb check' to list them)";
        return problems.get(0) + more;
    }
}
