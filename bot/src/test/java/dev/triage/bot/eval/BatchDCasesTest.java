package dev.triage.bot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.rules.Diagnoser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Batch D: real cases from public threads in the categories where text-only misses clustered (bastions and web
 * gateways, RDP Wrapper after updates, "access denied" / "not authorized", licensing, localised dialogs, clients too
 * old). Split before tuning, like batch C, by the parity of the first byte of SHA-256 of the source URL: even is
 * development, odd is held out. The held-out half is measured once (docs/accuracy.md) and has no floor.
 */
class BatchDCasesTest {
    private final LabelledCaseFile dev = LabelledCaseFile.read("/eval/rdp-batch-d-dev.jsonl");
    private final LabelledCaseFile heldOut = LabelledCaseFile.read("/eval/rdp-batch-d-heldout.jsonl");

    @Test
    void bothHalvesAreWellFormed() {
        Set<String> causes = Diagnoser.create().causeIds();
        dev.assertWellFormed("e\\d{3}", causes);
        heldOut.assertWellFormed("x\\d{3}", causes);
        dev.assertIdsAndSourcesUnique();
        heldOut.assertIdsAndSourcesUnique();
    }

    @Test
    void eachCaseIsInTheHalfItsSourceHashSays() {
        assertThat(dev.sources()).allMatch(s -> firstByteOfSha256(s) % 2 == 0);
        assertThat(heldOut.sources()).allMatch(s -> firstByteOfSha256(s) % 2 == 1);
    }

    @Test
    void noThreadIsInAnEarlierBatch() {
        List<String> earlier = new ArrayList<>();
        for (String file : List.of("/eval/rdp-found-cases.jsonl", "/eval/rdp-heldout-cases.jsonl",
                "/eval/rdp-batch-c-dev.jsonl", "/eval/rdp-batch-c-heldout.jsonl")) {
            earlier.addAll(LabelledCaseFile.read(file).sources());
        }
        assertThat(dev.sources()).doesNotContainAnyElementsOf(earlier).doesNotContainAnyElementsOf(heldOut.sources());
        assertThat(heldOut.sources()).doesNotContainAnyElementsOf(earlier);
    }

    private static int firstByteOfSha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))[0] & 0xff;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
