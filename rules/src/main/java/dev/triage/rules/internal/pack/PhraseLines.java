package dev.triage.rules.internal.pack;

import dev.triage.rules.PackProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a pack's {@code phrases.txt}: {@code <family> <id>: phrase | phrase | prefix*}, one line per signal. Every
 * line needs a {@code # source:} comment above it in its paragraph, saying where its wording comes from (a vendor's
 * message catalogue, a localisation table, an article's "How users describe it"): wording copied from one case does
 * not generalise.
 */
final class PhraseLines {
    private static final Set<String> FAMILIES = Set.of("client", "env", "text", PhraseFamily.CONTEXT);
    private static final String SOURCE = "# source:";

    private PhraseLines() {
    }

    static List<PhraseFamily> parse(String pack, String file, List<String> lines, List<PackProblem> problems) {
        List<PhraseFamily> families = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean sourced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                sourced = false;
            } else if (line.startsWith("#")) {
                sourced |= line.startsWith(SOURCE) && line.length() > SOURCE.length();
            } else {
                int number = i + 1;
                family(pack, file, number, line, sourced, problems).filter(f -> {
                    if (seen.add(f.signal())) {
                        return true;
                    }
                    problems.add(new PackProblem(file, number, "signal", "'" + f.signal() + "' has two lines; this"
                            + " is the second (merge its phrases into the first)"));
                    return false;
                }).ifPresent(families::add);
            }
        }
        return families;
    }

    private static Optional<PhraseFamily> family(String pack, String file, int number, String line,
            boolean sourced, List<PackProblem> problems) {
        int colon = line.indexOf(": ");
        String[] head = colon < 0 ? new String[0] : line.substring(0, colon).split(" ");
        if (head.length != 2) {
            problems.add(new PackProblem(file, number, "line", "expected '<family> <id>: phrase | phrase | ...'"));
            return Optional.empty();
        }
        int before = problems.size();
        if (!FAMILIES.contains(head[0])) {
            problems.add(new PackProblem(file, number, "family", "'" + head[0] + "' is not one of client, env, text, context"));
        }
        if (!PackReader.kebab(head[1])) {
            problems.add(new PackProblem(file, number, "id", "'" + head[1] + "' is not a lower-case-hyphenated id"));
        }
        if (!sourced) {
            problems.add(new PackProblem(file, number, "source", "no '# source:' line above it in its paragraph says"
                    + " where this wording comes from"));
        }
        List<String> phrases = new ArrayList<>();
        for (String phrase : line.substring(colon + 2).split(" \\| ")) {
            String p = phrase.strip();
            if (p.isEmpty() || p.equals("*")) {
                problems.add(new PackProblem(file, number, "phrase", "an empty phrase"));
            }
            phrases.add(p);
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new PhraseFamily(pack, head[0], head[1], phrases));
    }
}
