package dev.triage.knowledge.internal.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top-level ordered-list items of a section, each with its continuation lines (indented text and code blocks),
 * as trimmed Markdown without the number, so the bot can renumber and print them.
 */
final class OrderedSteps {
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,3}[.)][ \\t]+)(.*)$");

    private final List<String> steps = new ArrayList<>();
    private List<String> current;
    private int indent;
    private boolean inFence;

    private OrderedSteps() {
    }

    static List<String> of(List<String> lines) {
        OrderedSteps parser = new OrderedSteps();
        lines.forEach(parser::accept);
        parser.finishStep();
        return List.copyOf(parser.steps);
    }

    private void accept(String line) {
        if (current != null && inFence) {
            continueStep(line);
            return;
        }
        Matcher item = ITEM.matcher(line);
        if (item.matches()) {
            finishStep();
            current = new ArrayList<>();
            indent = item.group(1).length();
            current.add(item.group(2));
            return;
        }
        if (current == null) {
            return;
        }
        // A column-0 fence right after an item is taken as the item's code block: writers often forget to indent it.
        if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || MarkdownSections.isFence(line)) {
            continueStep(line);
        } else {
            finishStep();
        }
    }

    private void continueStep(String line) {
        if (MarkdownSections.isFence(line)) {
            inFence = !inFence;
        }
        current.add(dedent(line));
    }

    private String dedent(String line) {
        int cut = 0;
        while (cut < indent && cut < line.length() && line.charAt(cut) == ' ') {
            cut++;
        }
        return line.substring(cut);
    }

    private void finishStep() {
        if (current != null) {
            steps.add(String.join("\n", current).strip());
        }
        current = null;
        inFence = false;
    }
}
