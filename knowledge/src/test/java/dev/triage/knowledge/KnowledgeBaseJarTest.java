package dev.triage.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Packages the module's compiled classes and resources into a jar, loads it in a fresh class loader, and calls
 * {@link KnowledgeBase#bundled()} there: the same path a packaged application takes.
 */
class KnowledgeBaseJarTest {
    private static final Path CLASSES = Path.of("target/classes");

    @Test
    void bundledArticlesLoadFromAPackagedJar(@TempDir Path temp) throws Exception {
        Path jar = jarOf(CLASSES, temp.resolve("triage-knowledge.jar"));
        URL[] classPath = {jar.toUri().toURL(), locationOf(IndexWriter.class), locationOf(EnglishAnalyzer.class),
                locationOf(Yaml.class)};

        try (URLClassLoader loader = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = Class.forName(KnowledgeBase.class.getName(), true, loader);
            assertThat(type.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(classPath[0]);
            Object base = type.getMethod("bundled").invoke(null);
            Method articles = type.getMethod("articles");

            assertThat((List<?>) articles.invoke(base)).hasSize(KnowledgeBase.checkBundled().articles());
        }
    }

    private static URL locationOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static Path jarOf(Path folder, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                if (name.isEmpty()) {
                    continue;
                }
                out.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (Files.isRegularFile(file)) {
                    out.write(Files.readAllBytes(file));
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
