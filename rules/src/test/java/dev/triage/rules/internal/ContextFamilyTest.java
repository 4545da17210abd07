package dev.triage.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.triage.rules.CaseFacts;
import dev.triage.rules.Diagnoser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Context families (phrases.txt, "Context families"): a phrase of another family inside a context phrase is the
 * context's word, not the user's. xrdp's own log names its internal connections by the loopback address (its session
 * manager on 127.0.0.1:3350, the Xvnc back end on 127.0.0.1:59xx); an xrdp session named after "from" is where the
 * user's client runs, not the server it connects to.
 */
class ContextFamilyTest {
    private static final String LOOPBACK = "client.loopback-self-connect";
    private static final String THIRD_PARTY = "server.rdp-implementation-bug";
    /** signals.tsv's row for the xrdp client family, which reads xrdp as the server connected to. */
    private static final String XRDP_ROW = "environment: xrdp as the server";

    private final SignalExtractor extractor = SignalExtractor.of(Packs.bundled());
    private final Diagnoser diagnoser = Diagnoser.create();

    /** xrdp's internal connections as 0.6, 0.9 up to 0.9.17 and 0.9.18 to 0.9.2x log them (xrdp_mm.c, vnc/vnc.c). */
    @ParameterizedTest
    @ValueSource(strings = {
            "[20240102-10:11:12] [INFO ] connecting to sesman ip 127.0.0.1 port 3350",
            "[ERROR] Error connecting to sesman: 127.0.0.1 port: 3350",
            "[DEBUG] connecting to sesman on 127.0.0.1:3350",
            "[DEBUG] connecting to PAM authenticator on 127.0.0.1:3350",
            "VNC connecting to 127.0.0.1 5910",
            "connecting to 127.0.0.1 5901"})
    void xrdpsOwnLoopbackConnectionsAreNoLoopbackTarget(String line) {
        assertThat(extractor.extract(List.of(line))).extracting(Signal::id).doesNotContain("loopback-address");
    }

    @Test
    void anXrdpLoginFailureLogIsNotReadAsASelfConnect() {
        String log = """
                xrdp login fails from mstsc on Windows. /var/log/xrdp.log:
                [INFO ] connecting to sesman ip 127.0.0.1 port 3350
                [INFO ] xrdp_wm_log_msg: sesman connect ok
                [INFO ] xrdp_wm_log_msg: login failed for display 0""";

        List<String> ranked = diagnoser.diagnose(CaseFacts.ofText(log)).causeIds();

        assertThat(ranked.get(0)).isEqualTo(THIRD_PARTY);
        assertThat(ranked.subList(0, Math.min(3, ranked.size()))).doesNotContain(LOOPBACK);
    }

    @Test
    void aLoopbackTheUserDialledStillCountsBesideXrdpsOwnLine() {
        List<Signal> signals = extractor.extract(List.of(
                "mstsc to localhost:3390 fails; xrdp.log says connecting to sesman ip 127.0.0.1 port 3350"));

        assertThat(signals).extracting(Signal::id, Signal::excerpt).contains(tuple("loopback-address", "localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "From my xrdp session on Ubuntu I start Remmina to reach a Windows 10 PC and it fails with a security"
                    + " negotiation error.",
            "Running mstsc from within xrdp does not work: the connection to the Windows server is refused."})
    void anXrdpSessionTheClientRunsFromIsNotTheFarSide(String text) {
        assertThat(extractor.extract(List.of(text))).extracting(Signal::family, Signal::id)
                .doesNotContain(tuple("client", "xrdp"));
        assertThat(Fire.pairs(new Fire().text(text))).extracting(pair -> (String) pair.toList().get(0))
                .noneMatch(rule -> rule.startsWith(XRDP_ROW));
    }

    @Test
    void xrdpAsTheServerTheClientConnectsToKeepsItsRow() {
        String text = "mstsc from Windows 11 to xrdp on Ubuntu 22.04: black screen after the login.";

        assertThat(extractor.extract(List.of(text))).extracting(Signal::family, Signal::id)
                .contains(tuple("client", "xrdp"));
        assertThat(Fire.pairs(new Fire().text(text))).extracting(pair -> (String) pair.toList().get(0))
                .anyMatch(rule -> rule.startsWith(XRDP_ROW));
    }

    @Test
    void contextFamiliesRaiseNoSignalOfTheirOwn() {
        assertThat(extractor.extract(List.of("connecting to sesman ip 127.0.0.1 port 3350 from my xrdp session")))
                .extracting(Signal::family).doesNotContain("context");
    }
}
