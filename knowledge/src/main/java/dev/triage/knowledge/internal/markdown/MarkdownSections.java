package dev.triage.knowledge.internal.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The level-2 sections ({@code ## Name}) of a Markdown body. Headings inside fenced code blocks are ignored, because
 * shell comments like {@code ## step} would otherwise split a section.
 */
public final class MarkdownSections {
    private static final Pattern HEADING = Pattern.compile("^##\\s+(.+?)\\s*#*\\s*$");

    private final Map<String, List<String>> sections;
    private final List<String> duplicates;

    private MarkdownSections(Map<String, List<String>> sections, List<String> duplicates) {
        this.sections = sections;
        this.duplicates = duplicates;
    }

    /** Splits a body into sections; text before the first level-2 heading belongs to no section. */
    public static MarkdownSections parse(String body) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean inFence = false;
        for (String line : body.split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (!inFence && heading.matches()) {
                current = new ArrayList<>();
                if (sections.putIfAbsent(heading.group(1), current) != null) {
                    duplicates.add(heading.group(1));
                }
                continue;
            }
            inFence ^= isFence(line);
            current.add(line);
        }
        return new MarkdownSections(sections, duplicates);
    }

    static boolean isFence(String line) {
        String trimmed = line.strip();
        return trimmed.startsWith("```") || trimmed.startsWith("~~~");
    }

    /** The lines of a section, without its heading. */
    public Optional<List<String>> lines(String name) {
        return Optional.ofNullable(sections.get(name)).map(List::copyOf);
    }

    /** The text of a section, trimmed; empty string when the section is missing. */
    public String text(String name) {
        return lines(name).map(lines -> String.join("\n", lines).strip()).orElse("");
    }

    /** Section names that appear more than once. */
    public List<String> duplicates() {
        return List.copyOf(duplicates);
    }
}
