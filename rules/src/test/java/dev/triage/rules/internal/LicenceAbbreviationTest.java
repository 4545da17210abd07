package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * CAL is licensing's abbreviation only beside the words Microsoft's licensing pages put with it (RDS CAL, per user
 * CAL); bare, it is also a person's name in a pasted greeting or address (issue 13, session 14). Made-up texts.
 */
class LicenceAbbreviationTest {
    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());

    @Test
    void aPersonCalledCalIsNoLicence() {
        assertThat(textSignals("Hi, Cal here. Remote Desktop cannot connect to my office PC since yesterday."))
                .doesNotContain("license");
        assertThat(textSignals("Sent from cal@contoso.com: mstsc says the computer can't be found."))
                .doesNotContain("license");
    }

    @Test
    void theAbbreviationBesideItsLicensingWordsIsStillALicence() {
        assertThat(textSignals("The server says no RDS CAL is available.")).contains("license");
        assertThat(textSignals("We bought per user CALs last year.")).contains("license");
        assertThat(textSignals("The CAL type on the license server is per device.")).contains("license");
    }

    private Set<String> textSignals(String text) {
        return extractor.extract(List.of(text)).stream().filter(s -> s.family().equals("text")).map(Signal::id)
                .collect(Collectors.toSet());
    }
}
