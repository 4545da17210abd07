package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.config.BotConfig;
import dev.triage.probes.fixtures.TestCertificates;
import dev.triage.probes.fixtures.TestCertificates.Kind;
import dev.triage.probes.fixtures.XrdpServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case naming a host runs the probes against it (a closed loopback port, a real xrdp): the ladder is ONE message in
 * the thread, edited with chat.update as steps finish, and the re-ranked answer follows with the case link.
 */
class SlackProgressTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final String THREAD = "1700000003.000100";

    @TempDir
    Path data;

    @Test
    void theProbeLadderIsOneMessageEditedAsStepsFinishThenTheReRankedAnswerFollows() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        BotConfig config = BotConfig.defaults().withDataDir(data)
                .withProbesAllow(List.of("127.0.0.1/32:" + closedPort));
        try (SlackHarness h = new SlackHarness(config, List.of())) {
            h.postJson(SlackHarness.envelope("EvP1", SlackHarness.mention("U1", "C1", THREAD, "mstsc /v:127.0.0.1:"
                    + closedPort + " says Remote Desktop can't connect to the remote computer")));

            SlackStandIn.Call first = h.slack.await("chat.postMessage", c -> c.field("blocks")
                    .contains("Likely causes"), WAIT);
            assertThat(first.field("blocks")).contains("the steps show below");
            SlackStandIn.Call ladder = h.slack.await("chat.postMessage", c -> c.field("text").startsWith("Checking"),
                    WAIT);
            assertThat(ladder.field("thread_ts")).isEqualTo(THREAD);
            SlackStandIn.Call last = h.slack.await("chat.update", c -> c.field("ts").equals(ladder.ts())
                    && c.field("text").startsWith("Checked"), WAIT);
            String finalLadder = SlackHarness.JSON.readTree(last.field("blocks")).toString();
            assertThat(finalLadder).contains("`dns`", "`tcp`", "REFUSED");
            SlackStandIn.Call settled = h.slack.await("chat.postMessage", c -> c.field("blocks")
                    .contains("Likely causes") && !c.ts().equals(first.ts()), WAIT);
            assertThat(settled.field("thread_ts")).isEqualTo(THREAD);
            assertThat(settled.field("blocks")).doesNotContain("the steps show below").contains("/cases/");

            List<SlackStandIn.Call> edits = h.slack.calls("chat.update");
            assertThat(edits).allSatisfy(e -> assertThat(e.field("ts")).isEqualTo(ladder.ts()));
            assertThat(h.slack.calls("chat.postMessage")).hasSize(3);
        }
    }

    @Test
    void aRealXrdpWithAnExpiredCertificateShowsOnTheLadderAndRanksCertExpiredFirst(@TempDir Path dir)
            throws Exception {
        TestCertificates certs = TestCertificates.generate(dir.resolve("certs"));
        Files.createDirectories(dir.resolve("xrdp"));
        try (XrdpServer xrdp = XrdpServer.start(dir.resolve("xrdp"), XrdpServer.Config.of("negotiate",
                certs.certificate(Kind.EXPIRED), certs.key(Kind.EXPIRED)));
                SlackHarness h = new SlackHarness(BotConfig.defaults().withDataDir(data)
                        .withProbesAllow(List.of("127.0.0.1/32:" + xrdp.port())), List.of())) {
            h.postJson(SlackHarness.envelope("EvP2", SlackHarness.mention("U1", "C1", THREAD, "mstsc /v:127.0.0.1:"
                    + xrdp.port() + " " + SlackEventsTest.DIALOG)));

            SlackStandIn.Call ladder = h.slack.await("chat.postMessage", c -> c.field("text").startsWith("Checking"),
                    WAIT);
            SlackStandIn.Call last = h.slack.await("chat.update", c -> c.field("ts").equals(ladder.ts())
                    && c.field("text").startsWith("Checked"), WAIT);
            assertThat(SlackHarness.JSON.readTree(last.field("blocks")).toString()).contains("`tcp`", "`certificate`",
                    "EXPIRED");
            h.slack.await("chat.postMessage", c -> h.slack.calls("chat.postMessage").size() == 3
                    && c.field("blocks").contains("Likely causes"), WAIT);
            String caseId = h.app.chatCore().conversations().cases("", 0, 10).get(0).caseId();
            assertThat(h.app.chatCore().conversations().current(caseId).orElseThrow().causes().get(0).id())
                    .isEqualTo("cert.expired");
        }
    }
}
