package dev.triage.rules.internal.pack;

import dev.triage.rules.PackProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where one pack's files are read from: a class-path folder ({@code packs/<id>/}, inside a jar or not) or a folder
 * on disk. Files are UTF-8; a file that is missing reads as empty, one that cannot be read or decoded is a problem.
 */
public final class PackFiles {
    private final String location;
    private final Opener opener;
    private final boolean bundled;

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private PackFiles(String location, Opener opener, boolean bundled) {
        this.location = location;
        this.opener = opener;
        this.bundled = bundled;
    }

    /** The bundled pack {@code id}, under {@code packs/<id>/} on the class path of {@code loader}. */
    public static PackFiles bundled(ClassLoader loader, String id) {
        String prefix = "packs/" + id + "/";
        return new PackFiles(prefix, name -> loader.getResourceAsStream(prefix + name), true);
    }

    /** A pack kept in a folder, such as a site's own knowledge. */
    public static PackFiles folder(Path dir) {
        return new PackFiles(dir + "/", name -> {
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
        }, false);
    }

    /** True for packs shipped with Triage, whose combination rules may live in the prebuilt DRL unit. */
    boolean isBundled() {
        return bundled;
    }

    /** The name messages use for one of the pack's files. */
    String where(String name) {
        return location + name;
    }

    /** The file's lines; empty when it does not exist, or (with a problem added) when it cannot be read. */
    Optional<List<String>> lines(String name, List<PackProblem> problems) {
        try (InputStream in = opener.open(name)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
            return Optional.of(text.lines().toList());
        } catch (CharacterCodingException e) {
            problems.add(new PackProblem(where(name), 0, "file", "is not UTF-8 text"));
        } catch (IOException e) {
            problems.add(new PackProblem(where(name), 0, "file", "cannot be read: " + e.getMessage()));
        }
        return Optional.empty();
    }
}
