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
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| ([a-z]+\\.[a-z0-9-]+) \\|").matcher(Files.readString(CAUSES_MD));
        while (m.find()) {
            listed.add(m.group(1));
        }
        assertThat(new TreeSet<>(CauseCatalog.of(packs).ids())).isEqualTo(listed);
    }

    @Test
    void aPacksSessionHoldsOnlyItsOwnCauses() {
        CauseCatalog catalog = CauseCatalog.of(packs);
        assertThat(catalog.facts("rdp")).hasSize(catalog.ids().size());
        assertThat(catalog.facts("printing")).isEmpty();
    }
}
