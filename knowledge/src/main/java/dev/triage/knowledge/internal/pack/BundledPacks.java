package dev.triage.knowledge.internal.pack;

import dev.triage.knowledge.CheckReport;
import dev.triage.knowledge.KnowledgeException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the packs shipped under {@code articles/} next to the knowledge classes: in a classes directory during
 * development, or inside the jar, which is opened as a private zip file system for the duration of the read.
 * Using the code source rather than a class-path lookup keeps test fixtures under {@code articles/} out of it.
 */
public final class BundledPacks {
    static final String FOLDER = "articles";

    private BundledPacks() {
    }

    /** Reads the packs bundled with the code at {@code codeSource} (a classes directory or a jar). */
    public static PackContents read(URL codeSource) {
        Path location = toPath(codeSource);
        if (Files.isDirectory(location)) {
            return readOrEmpty(location.resolve(FOLDER));
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return readOrEmpty(jar.getPath("/" + FOLDER));
        } catch (IOException e) {
            throw new KnowledgeException("cannot open " + location + " to read the bundled articles", e);
        }
    }

    private static PackContents readOrEmpty(Path root) {
        if (!Files.isDirectory(root)) {
            return new PackContents(List.of(), new CheckReport(0, List.of()));
        }
        return PackReader.read(root);
    }

    private static Path toPath(URL codeSource) {
        try {
            return Path.of(codeSource.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new KnowledgeException("cannot locate the bundled articles from " + codeSource, e);
        }
    }
}
