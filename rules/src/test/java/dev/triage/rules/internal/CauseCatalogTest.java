package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.internal.pack.FanOut;
import dev.triage.rules.internal.pack.Pack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CauseCatalogTest {
    private static final Pattern CAUSE_ID = Pattern.compile("\"([a-z]+\\.[a-z0-9]+(?:-[a-z0-9]+)*)\"");
    private static final Path CAUSES_MD = Path.of("/work/shared/reference/causes.md");
    /** Causes the pack added after the shared list, in the same table form (the shared file is not ours to edit). */
    private static final Path ADDED_CAUSES_MD = Path.of("../docs/packs.md");
    private static final Pattern LISTED_ID = Pattern.compile("(?m)^\\| ([a-z]+\\.[a-z0-9-]+) \\|");
    private final List<Pack> packs = Packs.bundled();

    @Test
    void causeIdsUsedInTheRulesAndTablesAreExactlyTheCatalog() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String drl : RuleSessionTest.drlTexts()) {
            Matcher m = CAUSE_ID.matcher(drl.replaceAll("(?m)^rule \".*$", ""));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        for (Pack pack : packs) {
            pack.signals().stream().map(FanOut::causeId).forEach(used::add);
            pack.answers().stream().map(FanOut::causeId).forEach(used::add);
            pack.codes().stream().map(FanOut::causeId).forEach(used::add);
        }
        assertThat(used).isEqualTo(new TreeSet<>(CauseCatalog.of(packs).ids()));
    }

    @Test
    void catalogMatchesTheSharedCauseList() throws IOException {
        if (!Files.exists(CAUSES_MD)) {
            return;
        }
        Set<String> listed = listedIds(CAUSES_MD);
        listed.addAll(listedIds(ADDED_CAUSES_MD));
        assertThat(new TreeSet<>(CauseCatalog.of(packs).ids())).isEqualTo(listed);
    }

    @Test
    void addedCausesAreNotAlreadySharedOnes() throws IOException {
        if (!Files.exists(CAUSES_MD)) {
            return;
        }
        assertThat(listedIds(ADDED_CAUSES_MD)).isNotEmpty().doesNotContainAnyElementsOf(listedIds(CAUSES_MD));
    }

    private static Set<String> listedIds(Path markdown) throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher m = LISTED_ID.matcher(Files.readString(markdown));
        while (m.find()) {
            listed.add(m.group(1));
        }
        return listed;
    }

    @Test
    void aPacksSessionHoldsOnlyItsOwnCauses() {
        CauseCatalog catalog = CauseCatalog.of(packs);
        assertThat(catalog.facts("rdp")).hasSize(catalog.ids().size());
        assertThat(catalog.facts("printing")).isEmpty();
    }
}
