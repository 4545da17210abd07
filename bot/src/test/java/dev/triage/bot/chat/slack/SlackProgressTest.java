package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.config.BotConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case naming a host runs the probes against it (here a closed loopback port): the ladder is ONE message in the
 * thread, edited with chat.update as steps finish, and the re-ranked answer follows with the case link.
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
}
