package dev.triage.rules.internal.pack;

import dev.triage.rules.InvalidPackException;
import dev.triage.rules.PackProblem;
import dev.triage.rules.Question;
import dev.triage.rules.RulesException;
import dev.triage.rules.internal.CauseInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The packs one diagnoser works with: the bundled ones, named by every {@code packs/index} file on the class path,
 * then those kept in folders (a site's own knowledge). Packs never share a cause or a question id, and at most one
 * brings the prebuilt DRL unit.
 */
public final class PackSet {
    static final String INDEX = "packs/index";

    private final List<Pack> packs;

    private PackSet(List<Pack> packs) {
        this.packs = List.copyOf(packs);
    }

    /**
     * The bundled packs and the packs in {@code folders}.
     *
     * @throws InvalidPackException naming the file, line and field of the first problem
     */
    public static PackSet load(ClassLoader loader, List<Path> folders) {
        List<PackProblem> problems = new ArrayList<>();
        PackSet set = read(loader, folders, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPackException(problems);
        }
        return set;
    }

    /** Every problem of the bundled packs together with the packs in {@code folders}; empty when all is well. */
    public static List<PackProblem> check(ClassLoader loader, List<Path> folders) {
        List<PackProblem> problems = new ArrayList<>();
        read(loader, folders, problems);
        return problems;
    }

    private static PackSet read(ClassLoader loader, List<Path> folders, List<PackProblem> problems) {
        List<PackFiles> sources = new ArrayList<>();
        bundledIds(loader).forEach(id -> sources.add(PackFiles.bundled(loader, id)));
        folders.forEach(folder -> packFolders(folder).forEach(dir -> sources.add(PackFiles.folder(dir))));
        List<Pack> packs = new ArrayList<>();
        for (PackFiles source : sources) {
            PackReader.read(source, problems).ifPresent(packs::add);
        }
        problems.addAll(overlaps(packs));
        return new PackSet(packs);
    }

    /** Pack ids in the order the class path lists their index files, each once. */
    private static Set<String> bundledIds(ClassLoader loader) {
        Set<String> ids = new LinkedHashSet<>();
        try {
            for (URL index : Collections.list(loader.getResources(INDEX))) {
                try (InputStream in = index.openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(ids::add);
                }
            }
        } catch (IOException e) {
            throw new RulesException("cannot read the pack index " + INDEX, e);
        }
        return ids;
    }

    /** The folder itself when it holds a pack, else its subfolders that do; a folder of articles only holds none. */
    private static List<Path> packFolders(Path folder) {
        if (Files.isRegularFile(folder.resolve(PackReader.PROPERTIES))) {
            return List.of(folder);
        }
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(d -> Files.isRegularFile(d.resolve(PackReader.PROPERTIES))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    private static List<PackProblem> overlaps(List<Pack> packs) {
        List<PackProblem> problems = new ArrayList<>();
        Map<String, String> packIds = new HashMap<>();
        Map<String, String> causeOwners = new HashMap<>();
        Map<String, String> questionOwners = new HashMap<>();
        String drl = null;
        for (Pack pack : packs) {
            String where = "pack '" + pack.id() + "'";
            if (packIds.putIfAbsent(pack.id(), pack.id()) != null) {
                problems.add(new PackProblem(where, 0, "id", "two packs are called '" + pack.id() + "'"));
            }
            for (CauseInfo cause : pack.causes()) {
                String owner = causeOwners.putIfAbsent(cause.id(), pack.id());
                if (owner != null) {
                    problems.add(new PackProblem(where, 0, "cause", "'" + cause.id() + "' is already a cause of pack '"
                            + owner + "'; extend it with an article instead"));
                }
            }
            for (Question q : pack.questions()) {
                String owner = questionOwners.putIfAbsent(q.id(), pack.id());
                if (owner != null) {
                    problems.add(new PackProblem(where, 0, "question", "'" + q.id()
                            + "' is already a question of pack '" + owner + "'"));
                }
            }
            if (pack.drl() && drl != null) {
                problems.add(new PackProblem(where, 0, "rule-unit", "pack '" + drl + "' already uses it"));
            }
            drl = pack.drl() && drl == null ? pack.id() : drl;
        }
        return problems;
    }

    public List<Pack> packs() {
        return packs;
    }
}
