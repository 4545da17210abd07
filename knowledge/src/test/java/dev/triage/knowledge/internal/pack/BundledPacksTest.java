package dev.triage.knowledge.internal.pack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.knowledge.Article;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled packs are found both in a classes directory and inside a packaged jar. */
class BundledPacksTest {
    private static final Path FIXTURE = Path.of("src/test/resources/articles/fixture");

    @Test
    void readsPacksFromAJar(@TempDir Path temp) throws IOException {
        Path jar = temp.resolve("triage-knowledge.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("dev/triage/knowledge/Placeholder.class"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("articles/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("articles/rdp/"));
            out.closeEntry();
            copyEntry(out, "articles/rdp/cert-expired.md", FIXTURE.resolve("cert-expired.md"));
            copyEntry(out, "articles/rdp/socket-closed.md", FIXTURE.resolve("socket-closed.md"));
        }

        PackContents contents = BundledPacks.read(jar.toUri().toURL());

        assertThat(contents.report().ok()).as(contents.report().problems().toString()).isTrue();
        assertThat(contents.articles()).extracting(Article::file)
                .containsExactly("rdp/cert-expired.md", "rdp/socket-closed.md");
    }

    @Test
    void readsPacksFromAClassesDirectory(@TempDir Path temp) throws IOException {
        Path pack = Files.createDirectories(temp.resolve("articles/rdp"));
        Files.copy(FIXTURE.resolve("cert-name.md"), pack.resolve("cert-name.md"));

        PackContents contents = BundledPacks.read(temp.toUri().toURL());

        assertThat(contents.articles()).extracting(Article::id).containsExactly("cert-name");
    }

    @Test
    void noArticlesFolderMeansAnEmptyValidBase(@TempDir Path temp) throws IOException {
        PackContents contents = BundledPacks.read(temp.toUri().toURL());

        assertThat(contents.articles()).isEmpty();
        assertThat(contents.report().ok()).isTrue();
    }

    private static void copyEntry(JarOutputStream out, String name, Path file) throws IOException {
        out.putNextEntry(new JarEntry(name));
        try (OutputStream entry = new NonClosing(out)) {
            Files.copy(file, entry);
        }
        out.closeEntry();
    }

    /** Lets Files.copy write into the jar stream without closing it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
