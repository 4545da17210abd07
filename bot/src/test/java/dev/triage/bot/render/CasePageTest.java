package dev.triage.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.conversation.CaseState;
import dev.triage.bot.conversation.Conversations.CaseView;
import dev.triage.bot.conversation.ProbeOutcome;
import dev.triage.bot.conversation.Reply;
import dev.triage.bot.store.Fact;
import dev.triage.bot.store.FactKind;
import dev.triage.bot.store.StoredCase;
import dev.triage.knowledge.CodeKind;
import dev.triage.knowledge.DecodedCode;
import dev.triage.rules.Evidence;
import dev.triage.rules.Question;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CasePageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Question OTHER_HOSTS = new Question("other-hosts-work",
            "From the same PC, can you connect to other remote computers?",
            List.of(new Question.Option("yes", "Yes, others work"), new Question.Option("no", "No, none work")));
    static final String PASTE = "mstsc /v:rdp01.corp.example\nError code: 0x904\n<script>alert(1)</script>";
    static final Instant T0 = Instant.parse("2026-12-06T09:15:00Z");
    static final List<ProbeOutcome> RUN = List.of(
            new ProbeOutcome("dns", "RESOLVED", true, "rdp01.corp.example is 10.0.0.4", 3, Map.of()),
            new ProbeOutcome("tcp", "REFUSED", false, "10.0.0.4:3389 <refused> the connection", 12, Map.of()),
            new ProbeOutcome("rdp", "SKIPPED", false, "not tried", 0, Map.of()));

    private final CasePage page = new CasePage(JSON, List.of(OTHER_HOSTS));

    @Test
    void showsPasteAnswersLadderCausesFixesAndTimeline() throws Exception {
        String html = page.render(view());

        assertThat(html).contains("<pre class=\"paste\">mstsc /v:rdp01.corp.example\nError code: 0x904\n"
                + "&lt;script&gt;alert(1)&lt;/script&gt;</pre>");
        assertThat(html).contains("<dt>From the same PC, can you connect to other remote computers?</dt>"
                + "<dd>No, none work</dd>");
        assertThat(html).contains("<svg").contains("class=\"step broken\" data-step=\"tcp\"")
                .contains("10.0.0.4:3389 &lt;refused&gt; the connection");
        assertThat(html).contains("<strong>Port 3389 is closed</strong> <code>net.port-closed</code>")
                .contains("<meter min=\"0\" max=\"100\" value=\"72\">").contains("TCP connection refused");
        assertThat(html).contains("<li><p><strong>Open port 3389</strong> in the firewall</p>\n</li>")
                .doesNotContain("**");
        assertThat(html).as("no feedback given, no feedback section").doesNotContain("id=\"feedback\"");
        assertThat(section(html, "timeline")).contains(
                "<time datetime=\"2026-12-06T09:15:00Z\">2026-12-06 09:15:00 UTC</time> <span class=\"kind\">message"
                        + "</span> mstsc /v:rdp01.corp.example Error code: 0x904 &lt;script&gt;alert(1)&lt;/script&gt;"
                        + " (3 lines)",
                "<span class=\"kind\">answer</span> From the same PC, can you connect to other remote computers? → "
                        + "No, none work",
                "<span class=\"kind\">host</span> rdp01.corp.example",
                "<span class=\"kind\">probe run</span> rdp01.corp.example: broke at tcp (REFUSED) – 10.0.0.4:3389 "
                        + "&lt;refused&gt; the connection");
    }

    /** The evidence says "Guacamole status 519 (0x207)"; the Codes list names the decimal the gateway printed too. */
    @Test
    void aGuacamoleStatusIsListedByTheDecimalTheGatewayPrinted() {
        String paste = "JumpServer: 连接失败, error 519";
        DecodedCode status = new DecodedCode("0x207", CodeKind.GUACAMOLE_STATUS, 519, "UPSTREAM_NOT_FOUND",
                "The remote desktop server could not be reached.", "guacamole-server protocol-types.h", "error 519");
        StoredCase stored = new StoredCase("abc234", T0, "api", List.of(fact(0, FactKind.MESSAGE,
                Map.of("text", paste))));
        Reply reply = new Reply(Optional.of("abc234"), List.of(status), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty(), false, Optional.empty());
        String html = page.render(new CaseView(stored, new CaseState(List.of(paste), Map.of(), Optional.empty(),
                List.of()), reply));

        assertThat(section(html, "codes")).contains("<li><code>519 (0x207)</code> <strong>UPSTREAM_NOT_FOUND</strong>");
    }

    @Test
    void needsNoScriptAndNoInlineStyle() {
        String html = page.render(view());
        assertThat(html).doesNotContain("<script").doesNotContain("<style").doesNotContain(" style=")
                .contains("<link rel=\"stylesheet\" href=\"/assets/case.css\">");
        assertThat(Pattern.compile("<[^>]*\\son\\w+=").matcher(html).find()).isFalse();
    }

    @Test
    void aCaseWithoutProbesSaysSo() {
        StoredCase stored = new StoredCase("abc234", T0, "api", List.of(fact(0, FactKind.MESSAGE,
                Map.of("text", "hello"))));
        CaseView view = new CaseView(stored, new CaseState(List.of("hello"), Map.of(), Optional.empty(), List.of()),
                reply(List.of(), List.of(), List.of()));
        String html = page.render(view);
        assertThat(html).contains("No probe has run for this case: it names no host.").doesNotContain("<svg")
                .contains("None determined yet.");
    }

    static CaseView view() {
        List<Fact> facts = List.of(
                fact(0, FactKind.MESSAGE, Map.of("text", PASTE)),
                fact(1, FactKind.ANSWER, Map.of("question", "other-hosts-work", "value", "no")),
                fact(2, FactKind.HOST, Map.of("host", "rdp01.corp.example")),
                fact(3, FactKind.PROBE_RUN, Map.of("target", "rdp01.corp.example", "results", RUN)));
        StoredCase stored = new StoredCase("abc234", T0, "api", facts);
        CaseState state = new CaseState(List.of(PASTE), Map.of("other-hosts-work", "no"),
                Optional.of("rdp01.corp.example"), RUN);
        Reply.Cause cause = new Reply.Cause("net.port-closed", "Port 3389 is closed", 0.72,
                List.of(new Evidence("tcp: refused", "TCP connection refused", 50)));
        Reply.Fix fix = new Reply.Fix("net.port-closed", "net-port-closed",
                List.of("**Open port 3389** in the firewall", "<img src=x onerror=alert(1)>"));
        return new CaseView(stored, state, reply(List.of(cause), List.of(fix), RUN));
    }

    static Reply reply(List<Reply.Cause> causes, List<Reply.Fix> fixes, List<ProbeOutcome> probes) {
        return new Reply(Optional.of("abc234"), List.of(), causes, fixes, List.of(), probes, List.of(), List.of(),
                Optional.empty(), false, Optional.empty());
    }

    static Fact fact(int seq, FactKind kind, Map<String, Object> payload) {
        try {
            return new Fact(seq, kind, JSON.writeValueAsString(payload), T0.plusSeconds(seq * 30L));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\"");
        return html.substring(start, html.indexOf("</section>", start));
    }
}
