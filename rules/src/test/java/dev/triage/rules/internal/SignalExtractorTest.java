package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SignalExtractorTest {
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    @Test
    void extractsClientEnvironmentAndWordingWithExcerpts() {
        List<Signal> signals = extractor.extract(List.of(
                "xfreerdp /v:host over our VPN: WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!"));
        assertThat(signals).extracting(Signal::family, Signal::id).contains(
                org.assertj.core.api.Assertions.tuple("client", "freerdp"),
                org.assertj.core.api.Assertions.tuple("env", "vpn"),
                org.assertj.core.api.Assertions.tuple("text", "host-key-changed"));
        assertThat(signals).filteredOn(s -> s.id().equals("host-key-changed")).first()
                .extracting(Signal::excerpt).isEqualTo("REMOTE HOST IDENTIFICATION HAS CHANGED");
    }

    @Test
    void reportsEachSignalOnce() {
        assertThat(extractor.extract(List.of("license license licence"))).extracting(Signal::id)
                .containsOnlyOnce("license");
    }

    @Test
    void readsOnlyTheBoundedPrefixOfHugePastes() {
        String filler = "a".repeat(SignalExtractor.MAX_CHARS);
        assertThat(extractor.extract(List.of(filler + " credssp"))).isEmpty();
        assertThat(extractor.extract(List.of("credssp " + filler))).extracting(Signal::id).containsExactly("credssp");
    }

    @Test
    void adversarialRepetitionStaysLinear() {
        // Near-misses of long phrases at every position: an automaton does one step per char regardless.
        String text = "remote host identification has ".repeat(40_000);
        assertThat(extractor.extract(List.of(text))).extracting(Signal::id).doesNotContain("host-key-changed");
    }

    @Test
    void signalsCarryThePackWhosePhraseMatched() {
        assertThat(extractor.extract(List.of("CredSSP encryption oracle"))).extracting(Signal::pack).containsOnly("rdp");
    }
}
