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
 * Batch C: real cases from public GitHub threads, split before tuning into a development half and a held-out half by
 * the parity of the first byte of SHA-256 of the source URL. Only the development half is tuned on; the held-out half
 * is measured once (docs/accuracy.md) and deliberately has no floor: a floor set after looking at it would be tuning.
 */
class BatchCCasesTest {
    private final LabelledCaseFile dev = LabelledCaseFile.read("/eval/rdp-batch-c-dev.jsonl");
    private final LabelledCaseFile heldOut = LabelledCaseFile.read("/eval/rdp-batch-c-heldout.jsonl");

    @Test
    void bothHalvesAreWellFormed() {
        Set<String> causes = Diagnoser.create().causeIds();
        dev.assertWellFormed("c\\d{3}", causes);
        heldOut.assertWellFormed("d\\d{3}", causes);
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
        List<String> earlier = new ArrayList<>(LabelledCaseFile.read("/eval/rdp-found-cases.jsonl").sources());
        earlier.addAll(LabelledCaseFile.read("/eval/rdp-heldout-cases.jsonl").sources());
        assertThat(dev.sources()).doesNotContainAnyElementsOf(earlier);
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
