package dev.triage.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.conversation.ProbeOutcome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class LadderSvgTest {
    private final LadderSvg ladder = new LadderSvg();

    @Test
    void aRefusedTcpConnectionIsTheHighlightedBrokenStep() throws Exception {
        String svg = ladder.render(List.of(
                step("dns", "RESOLVED", true, "rdp01.example.com is 10.0.0.4", 3),
                step("tcp", "REFUSED", false, "10.0.0.4:3389 refused the connection", 12),
                step("rdp", "SKIPPED", false, "not tried: no TCP connection", 0))).orElseThrow();

        Document doc = parse(svg);
        NodeList broken = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='g'][contains(@class,'broken')]", doc, XPathConstants.NODESET);
        assertThat(broken.getLength()).isEqualTo(1);
        Element tcp = (Element) broken.item(0);
        assertThat(tcp.getAttribute("data-step")).isEqualTo("tcp");
        assertThat(tcp.getTextContent()).contains("✗ tcp", "refused · 12 ms", "10.0.0.4:3389 refused the connection");
        assertThat(doc.getDocumentElement().getAttribute("aria-label")).isEqualTo(
                "Connection ladder: broke at tcp (REFUSED)");
        assertThat(steps(doc)).containsExactly("ok:dns", "broken:tcp", "neutral:rdp", "neutral:tls",
                "neutral:certificate", "neutral:ntlm");
        assertThat(svg).contains("✓ dns").contains("– rdp").contains("– tls").contains("not run");
    }

    @Test
    void aHealthyRunHasNoBrokenStep() throws Exception {
        String svg = ladder.render(List.of(step("dns", "RESOLVED", true, "ok", 1), step("tcp", "CONNECTED", true,
                "ok", 2), step("rdp", "NEGOTIATED", true, "ok", 3), step("tls", "HANDSHAKE", true, "ok", 4),
                step("certificate", "VALID", true, "ok", 0), step("ntlm", "NOT_OFFERED", false, "no NLA", 1)))
                .orElseThrow();
        assertThat(svg).doesNotContain("broken");
        assertThat(steps(parse(svg))).containsExactly("ok:dns", "ok:tcp", "ok:rdp", "ok:tls", "ok:certificate",
                "neutral:ntlm");
    }

    @Test
    void probedTextIsEscapedForXml() throws Exception {
        String hostile = "CN=</text><script>alert(1)</script>&amp; \"quoted\" 'single' \u202Egnp.exe\u0000";
        String svg = ladder.render(List.of(step("dns", "RESOLVED", true, "ok", 1),
                step("tcp", "CONNECTED", true, "ok", 1), step("rdp", "NEGOTIATED", true, "ok", 1),
                step("tls", "HANDSHAKE", true, "ok", 1), step("certificate", "EXPIRED", false, hostile, 0)))
                .orElseThrow();
        assertThat(svg).doesNotContain("<script").doesNotContain("\u202E").doesNotContain("\u0000")
                .contains("&lt;/text&gt;&lt;script&gt;").contains("&amp;amp;");
        Document doc = parse(svg);
        assertThat(doc.getDocumentElement().getTextContent()).contains("CN=</text><script>alert(1)</script>&amp;");
        assertThat(steps(doc)).contains("broken:certificate");
    }

    @Test
    void aDeniedProbeShowsThePolicyStepAsBrokenAndNothingRun() throws Exception {
        String svg = ladder.render(List.of(step("policy", "DENIED", false, "10.0.0.4 is not allowed", 0)))
                .orElseThrow();
        assertThat(steps(parse(svg))).containsExactly("broken:policy", "neutral:dns", "neutral:tcp", "neutral:rdp",
                "neutral:tls", "neutral:certificate", "neutral:ntlm");
    }

    @Test
    void nothingProbedDrawsNothing() {
        assertThat(ladder.render(List.of())).isEmpty();
    }

    @Test
    void longSummariesWrapToTwoLinesAndAreCut() {
        assertThat(LadderSvg.wrap("short")).containsExactly("short");
        List<String> lines = LadderSvg.wrap("word ".repeat(60));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith("…");
    }

    private static List<String> steps(Document doc) throws Exception {
        NodeList groups = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate("//*[local-name()='g']", doc, XPathConstants.NODESET);
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            out.add(g.getAttribute("class").replace("step ", "") + ":" + g.getAttribute("data-step"));
        }
        return out;
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static ProbeOutcome step(String name, String status, boolean ok, String summary, long ms) {
        return new ProbeOutcome(name, status, ok, summary, ms, Map.of());
    }
}
