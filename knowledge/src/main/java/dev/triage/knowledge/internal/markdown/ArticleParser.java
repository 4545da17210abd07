package dev.triage.knowledge.internal.markdown;

import dev.triage.knowledge.Article;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses one article file (UTF-8 Markdown with YAML front matter) and validates it completely: every problem is
 * reported with the file and the field (front-matter key or {@code section '...'}), never just the first.
 */
public final class ArticleParser {
    public static final String DESCRIBE = "How users describe it";
    static final String CONFIRM = "How to confirm";
    static final String FIXES = "Fixes";

    private ArticleParser() {
    }

    /**
     * Parses {@code content}.
     *
     * @param file the file's path relative to the packs' root, e.g. {@code rdp/cert-expired.md}, used in messages
     */
    public static ParseOutcome parse(String file, byte[] content) {
        Problems problems = new Problems(file);
        Optional<Article> article = utf8(content, problems).flatMap(text -> article(file, text, problems));
        return article.<ParseOutcome>map(ParseOutcome.Parsed::new)
                .orElseGet(() -> new ParseOutcome.Rejected(problems.list()));
    }

    private static Optional<String> utf8(byte[] content, Problems problems) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            if (text.isBlank()) {
                problems.add("file", "is empty");
                return Optional.empty();
            }
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.add("file", "is not valid UTF-8; save it as UTF-8");
            return Optional.empty();
        }
    }

    private static Optional<Article> article(String file, String text, Problems problems) {
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        Optional<FrontMatter.Split> split = FrontMatter.split(lines, problems);
        if (split.isEmpty()) {
            return Optional.empty();
        }
        Optional<Header> header = yaml(split.get().yaml(), problems)
                .flatMap(map -> HeaderReader.read(map, fileId(file), problems));
        MarkdownSections sections = MarkdownSections.parse(split.get().body());
        checkDescription(sections, problems);
        List<String> confirm = steps(sections, CONFIRM, problems);
        List<String> fixes = steps(sections, FIXES, problems);
        if (header.isEmpty() || !problems.isEmpty()) {
            return Optional.empty();
        }
        Header h = header.get();
        return Optional.of(new Article(h.id(), h.title(), h.causes(), h.codes(), h.tags(), h.sources(), confirm,
                fixes, split.get().body(), file));
    }

    private static Optional<Map<?, ?>> yaml(String yaml, Problems problems) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            Object loaded = new Yaml(new SafeConstructor(options)).load(yaml);
            if (loaded instanceof Map<?, ?> map) {
                return Optional.of(map);
            }
            problems.add(FrontMatter.FIELD, "must be a YAML mapping of keys (id: ..., title: ...)");
        } catch (YAMLException e) {
            problems.add(FrontMatter.FIELD, "is not valid YAML: " + describe(e));
        }
        return Optional.empty();
    }

    private static void checkDescription(MarkdownSections sections, Problems problems) {
        sections.duplicates().forEach(name -> problems.add(field(name), "appears more than once"));
        if (sections.text(DESCRIBE).isEmpty()) {
            problems.add(field(DESCRIBE), sections.lines(DESCRIBE).isPresent() ? "is empty" : "is missing");
        }
    }

    private static List<String> steps(MarkdownSections sections, String name, Problems problems) {
        Optional<List<String>> lines = sections.lines(name);
        if (lines.isEmpty()) {
            problems.add(field(name), "is missing");
            return List.of();
        }
        List<String> steps = OrderedSteps.of(lines.get());
        if (steps.isEmpty() || steps.stream().anyMatch(String::isEmpty)) {
            problems.add(field(name), "needs at least one numbered step ('1. ...') and no empty steps");
        }
        return steps;
    }

    private static String field(String section) {
        return "section '" + section + "'";
    }

    private static String fileId(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    }

    private static String describe(YAMLException e) {
        if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            // The front matter starts on the file's second line; marks count from zero.
            return marked.getProblem() + " (file line " + (marked.getProblemMark().getLine() + 2) + ")";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }
}
