package dev.triage.bot.chat.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.config.BotConfig;
import dev.triage.probes.fixtures.TestCertificates.Kind;
import dev.triage.probes.fixtures.XrdpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a public channel nothing Triage posts or edits in the thread names the host or an address the probes reached
 * (a real xrdp on 127.0.0.1, whose certificate names localhost); the person who asked gets them in a message only they
 * see, with the case link. In a DM, and in a private channel with a {@code C…} id, everything is shown inline.
 */
class SlackPrivateHostsTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Triage's own address: the case links in the thread carry it, and it must survive the redaction. */
    static final String PUBLIC_URL = "http://localhost:8080";

    @TempDir
    static Path dir;
    static XrdpServer xrdp;
    static SlackHarness h;

    @BeforeAll
    static void start() throws Exception {
        xrdp = XrdpServer.negotiating(dir, Kind.EXPIRED);
        h = new SlackHarness(BotConfig.defaults().withDataDir(dir.resolve("data"))
                .withProbesAllow(List.of("127.0.0.1/32:" + xrdp.port())), List.of());
        h.slack.membersOnly("C5SECRET");
    }

    @AfterAll
    static void stop() {
        h.close();
        xrdp.close();
    }

    private static String paste() {
        return "mstsc /v:127.0.0.1:" + xrdp.port() + " " + SlackEventsTest.DIALOG;
    }

    /** Everything a call sent Slack that a channel member could read. */
    private static String everything(SlackStandIn.Call call) {
        return call.form().toString();
    }

    @Test
    void aPublicChannelThreadNamesNoHostAndTheAskerGetsTheDetailsPrivately() throws Exception {
        String thread = "1700000010.000100";
        h.postJson(SlackHarness.envelope("EvH1", SlackHarness.mention("U1", "C1PUBLIC", thread, paste())));

        SlackStandIn.Call ladder = h.slack.await("chat.postMessage", c -> c.field("thread_ts").equals(thread)
                && c.field("text").startsWith("Checking"), WAIT);
        h.slack.await("chat.update", c -> c.field("ts").equals(ladder.ts()) && c.field("text").startsWith("Checked"),
                WAIT);
        SlackStandIn.Call details = h.slack.await("chat.postEphemeral", c -> c.field("thread_ts").equals(thread),
                WAIT);
        List<SlackStandIn.Call> threadCalls = h.slack.calls().stream().filter(c -> c.field("channel")
                .equals("C1PUBLIC") && !c.method().equals("chat.postEphemeral")).toList();
        assertThat(threadCalls).extracting(SlackStandIn.Call::method)
                .contains("chat.postMessage", "chat.update");
        assertThat(h.slack.calls("chat.postMessage").stream().filter(c -> c.field("thread_ts").equals(thread)))
                .hasSize(3);
        assertThat(threadCalls).allSatisfy(call -> assertThat(everything(call)).doesNotContain("127.0.0.1"));
        // The certificate names localhost: once the probes found that, it is a host name too (the first reply's fix
        // steps, from Triage's own article, mention localhost before anything named it).
        SlackStandIn.Call settled = h.slack.calls("chat.postMessage").stream().filter(c -> c.field("thread_ts")
                .equals(thread)).toList().get(2);
        List<SlackStandIn.Call> afterProbes = new java.util.ArrayList<>(h.slack.calls("chat.update"));
        afterProbes.add(settled);
        assertThat(afterProbes).allSatisfy(call -> assertThat(everything(call).replace(PUBLIC_URL + "/cases/", ""))
                .doesNotContainIgnoringCase("localhost"));
        assertThat(settled.field("blocks")).contains("the host", "Likely causes", PUBLIC_URL + "/cases/");
        assertThat(details.field("user")).isEqualTo("U1");
        assertThat(details.field("blocks")).contains("Only you can see this", "127.0.0.1:" + xrdp.port(),
                "localhost", "EXPIRED", PUBLIC_URL + "/cases/");
    }

    @Test
    void aDirectMessageShowsEverythingInline() throws Exception {
        String ts = "1700000011.000100";
        Map<String, Object> dm = Map.of("type", "message", "channel", "D1DM", "channel_type", "im", "user", "U2",
                "ts", ts, "text", paste());
        h.postJson(SlackHarness.envelope("EvH2", dm));

        SlackStandIn.Call ladder = h.slack.await("chat.postMessage", c -> c.field("thread_ts").equals(ts)
                && c.field("text").startsWith("Checking"), WAIT);
        assertThat(ladder.field("text")).contains("127.0.0.1:" + xrdp.port());
        SlackStandIn.Call last = h.slack.await("chat.postMessage", c -> c.field("thread_ts").equals(ts)
                && h.slack.calls("chat.postMessage").stream().filter(p -> p.field("thread_ts").equals(ts)).count()
                == 3, WAIT);
        assertThat(last.field("blocks")).contains("Likely causes");
        Thread.sleep(300);
        assertThat(h.slack.calls("chat.postEphemeral")).noneMatch(c -> c.field("channel").equals("D1DM"));
        assertThat(h.slack.calls("conversations.info")).noneMatch(c -> c.field("channel").equals("D1DM"));
    }

    @Test
    void aSlashCommandInAPublicChannelQuotesNoHostAndAnUnprobedAddressIsKeptOutToo() throws Exception {
        Map<String, String> command = new java.util.HashMap<>(SlackCommandTest.command(
                "mstsc /v:10.9.8.7 " + SlackEventsTest.DIALOG));
        command.put("channel_id", "C3PUBLIC");
        h.postForm(command);

        SlackStandIn.Call root = h.slack.await("chat.postMessage", c -> c.field("channel").equals("C3PUBLIC")
                && c.field("thread_ts").isEmpty(), WAIT);
        assertThat(SlackHarness.JSON.readTree(root.field("blocks")).toString())
                .contains("<@U7> asked Triage about an error").doesNotContain("10.9.8.7");
        SlackStandIn.Call details = h.slack.await("chat.postEphemeral", c -> c.field("channel").equals("C3PUBLIC"),
                WAIT);
        assertThat(details.field("blocks")).contains("10.9.8.7");
        assertThat(h.slack.calls().stream().filter(c -> c.field("channel").equals("C3PUBLIC")
                && !c.method().equals("chat.postEphemeral"))).allSatisfy(c -> assertThat(everything(c))
                        .doesNotContain("10.9.8.7"));
    }

    @Test
    void aPrivateChannelWithACIdIsAskedAboutOnceAndShowsHostsInline() throws Exception {
        for (String ts : List.of("1700000012.000100", "1700000012.000200")) {
            h.postJson(SlackHarness.envelope("EvH3" + ts, SlackHarness.mention("U3", "C5SECRET", ts,
                    "mstsc /v:10.9.8.6 " + SlackEventsTest.DIALOG)));
            SlackStandIn.Call reply = h.slack.await("chat.postMessage", c -> c.field("thread_ts").equals(ts), WAIT);
            assertThat(reply.field("blocks")).contains("10.9.8.6");
        }
        assertThat(h.slack.calls("conversations.info")).filteredOn(c -> c.field("channel").equals("C5SECRET"))
                .hasSize(1);
        assertThat(h.slack.calls("chat.postEphemeral")).noneMatch(c -> c.field("channel").equals("C5SECRET"));
    }
}
