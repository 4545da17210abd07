package dev.triage.rules.internal;

import dev.triage.rules.internal.pack.Pack;
import dev.triage.rules.internal.pack.PackSet;
import java.nio.file.Path;
import java.util.List;

/** The packs tests build catalogs from. */
final class Packs {
    /** The test pack folder with a tiny second pack (docs/packs.md's example). */
    static final Path PRINTING = Path.of("src/test/resources/packs/printing");

    private Packs() {
    }

    static List<Pack> bundled() {
        return PackSet.load(Packs.class.getClassLoader(), List.of()).packs();
    }
}
