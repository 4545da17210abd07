package dev.triage.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.store.CaseStore.NewFact;
import dev.triage.bot.store.Fact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseSnapshotTest {
    final FactCodec codec = new FactCodec(new ObjectMapper());

    @Test
    void foldingInStepsGivesWhatFoldingEverythingGives() {
        List<Fact> facts = conversation(400);
        CaseSnapshot whole = codec.fold(CaseSnapshot.empty(), facts);

        CaseSnapshot stepwise = CaseSnapshot.empty();
        for (int from = 0; from < facts.size(); from += 7) {
            stepwise = codec.fold(stepwise, facts.subList(from, Math.min(facts.size(), from + 7)));
        }

        assertThat(stepwise).isEqualTo(whole);
        assertThat(codec.fold(whole, facts)).as("facts already folded are skipped").isEqualTo(whole);
    }

    @Test
    void theStateKeepsTheFirstPasteAndABoundedWindowOfRecentText() {
        CaseSnapshot snapshot = codec.fold(CaseSnapshot.empty(), conversation(5_000));
        CaseState state = snapshot.state();

        assertThat(state.texts().get(0)).contains("Error code: 0x904");
        assertThat(state.texts().get(state.texts().size() - 1)).contains("message 4999");
        assertThat(state.texts().stream().skip(1).mapToInt(String::length).sum())
                .isLessThanOrEqualTo(CaseSnapshot.RECENT_CHARS);
        assertThat(state.answers()).containsEntry("environment", "azure");
        assertThat(state.host()).contains("rdp01.corp.example.com");
        assertThat(snapshot.lastSeq()).isEqualTo(5_000 + 2);
    }

    private List<Fact> conversation(int messages) {
        List<NewFact> input = new ArrayList<>();
        input.add(codec.message("This computer can't connect. Error code: 0x904 Extended error code: 0x7"));
        input.add(codec.answer("environment", "azure"));
        input.add(codec.host("rdp01.corp.example.com"));
        for (int i = 0; i < messages; i++) {
            input.add(codec.message("message " + i + " with some words about what was tried ".repeat(3)));
        }
        List<Fact> facts = new ArrayList<>();
        for (NewFact fact : input) {
            facts.add(new Fact(facts.size(), fact.kind(), fact.payload(), Instant.EPOCH));
        }
        return facts;
    }

    @Test
    void anEmptyCaseHasNoState() {
        assertThat(CaseSnapshot.empty().state()).isEqualTo(new CaseState(List.of(), Map.of(), Optional.empty(),
                List.of()));
    }
}
