package dev.triage.knowledge.internal.markdown;

import java.util.List;
import java.util.Optional;

/** Splits an article into its YAML front matter and its Markdown body. */
final class FrontMatter {
    static final String FIELD = "front matter";
    private static final String DELIMITER = "---";

    private FrontMatter() {
    }

    /** The two parts of an article file. */
    record Split(String yaml, String body) {
    }

    /** The split, or empty after reporting why the delimiters are wrong. */
    static Optional<Split> split(List<String> lines, Problems problems) {
        if (lines.isEmpty() || !lines.get(0).strip().equals(DELIMITER)) {
            problems.add(FIELD, "the file must start with a line '---' that opens the front matter");
            return Optional.empty();
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(DELIMITER)) {
                String yaml = String.join("\n", lines.subList(1, i));
                String body = String.join("\n", lines.subList(i + 1, lines.size())).strip();
                return Optional.of(new Split(yaml, body));
            }
        }
        problems.add(FIELD, "no closing '---' line after the front matter");
        return Optional.empty();
    }
}
