package dev.triage.knowledge.internal.pack;

import dev.triage.knowledge.Article;
import dev.triage.knowledge.CheckReport;
import dev.triage.knowledge.CheckReport.Problem;
import dev.triage.knowledge.internal.markdown.ArticleParser;
import dev.triage.knowledge.internal.markdown.ParseOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a folder of packs ({@code root/<pack>/*.md}) or a single pack folder ({@code root/*.md}). Works on any
 * {@link Path}, including paths inside a jar opened as a file system. Content problems become report entries;
 * only an unreadable folder listing is an exception.
 */
public final class PackReader {
    private static final String MARKDOWN = ".md";

    private final List<Article> articles = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> fileById = new HashMap<>();
    private int files;

    private PackReader() {
    }

    public static PackContents read(Path root) {
        PackReader reader = new PackReader();
        if (!Files.isDirectory(root)) {
            reader.problems.add(new Problem(root.toString(), "folder", "does not exist or is not a folder"));
        } else {
            reader.packs(root).forEach(reader::readPack);
        }
        reader.articles.sort(Comparator.comparing(Article::id));
        return new PackContents(reader.articles, new CheckReport(reader.files, reader.problems));
    }

    private List<Path> packs(Path root) {
        if (!markdownFiles(root).isEmpty()) {
            return List.of(root);
        }
        return subfolders(root);
    }

    private static List<Path> subfolders(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isDirectory).sorted(byName()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private void readPack(Path pack) {
        String packName = name(pack);
        for (Path folder : subfolders(pack)) {
            problems.add(new Problem(packName + "/" + name(folder), "folder",
                    "folders inside a pack are not read; put its articles directly in " + packName + "/"));
        }
        for (Path file : markdownFiles(pack)) {
            files++;
            readFile(packName + "/" + name(file), file);
        }
    }

    private void readFile(String relative, Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new Problem(relative, "file", "cannot be read: " + e.getMessage()));
            return;
        }
        ParseOutcome outcome = ArticleParser.parse(relative, content);
        if (outcome instanceof ParseOutcome.Rejected rejected) {
            problems.addAll(rejected.problems());
        } else if (outcome instanceof ParseOutcome.Parsed parsed) {
            accept(parsed.article());
        }
    }

    private void accept(Article article) {
        String earlier = fileById.putIfAbsent(article.id(), article.file());
        if (earlier != null) {
            problems.add(new Problem(article.file(), "id", "'" + article.id() + "' is already used by " + earlier));
        } else {
            articles.add(article);
        }
    }

    private static List<Path> markdownFiles(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(Files::isRegularFile)
                    .filter(path -> name(path).endsWith(MARKDOWN))
                    .sorted(byName())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static Comparator<Path> byName() {
        return Comparator.comparing(PackReader::name);
    }

    /** The last name element without a trailing slash, which zip file systems keep on folders. */
    private static String name(Path path) {
        Path name = path.getFileName();
        String text = name == null ? path.toString() : name.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
