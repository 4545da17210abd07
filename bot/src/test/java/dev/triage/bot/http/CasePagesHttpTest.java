package dev.triage.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.config.BotConfig;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The case pages over the real server and a real H2 database: /cases, /cases/{id}, .md, .json, the stylesheet. */
class CasePagesHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DIALOG = "mstsc /v:rdp01.corp.example\nError code: 0x904\nExtended error code: 0x7";
    static final String HOSTILE = "<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n[x](javascript:alert(1))\n"
            + "![x](http://127.0.0.1:1/x.png)\nError code: 0x904";
    @TempDir
    static Path data;
    static TestServer triage;

    @BeforeAll
    static void start() {
        triage = TestServer.start(BotConfig.defaults().withDataDir(data));
    }

    @AfterAll
    static void stop() {
        triage.close();
    }

    @Test
    void aHostilePasteIsInertTextOnTheCasePage() throws Exception {
        String id = open(HOSTILE);
        HttpResponse<String> page = get("/cases/" + id);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).doesNotContain("<script").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("[x](javascript:alert(1))").contains("![x](http://127.0.0.1:1/x.png)");
        // No tag carries an event handler or a script link: every '<' the paste had is an entity.
        assertThat(Pattern.compile("<[^>]*\\son\\w+\\s*=").matcher(html).find()).isFalse();
        assertThat(Pattern.compile("href\\s*=\\s*\"\\s*(javascript|data|vbscript):", Pattern.CASE_INSENSITIVE)
                .matcher(html).find()).isFalse();
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'").contains("style-src 'self'").doesNotContain("unsafe-inline")
                .doesNotContain("script-src"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "text/html"));
    }

    @Test
    void aHostilePasteStaysInsideItsFenceInTheTicket() throws Exception {
        String paste = HOSTILE + "\n```\n# not a heading\n````\n<script>alert(2)</script>\n`````x";
        String id = open(paste);
        HttpResponse<String> md = get("/cases/" + id + ".md");
        assertThat(md.statusCode()).isEqualTo(200);
        assertThat(md.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        Node doc = Parser.builder().build().parse(md.body());
        List<String> fenced = new ArrayList<>();
        List<String> unsafe = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                fenced.add(block.getLiteral());
            }

            @Override
            public void visit(HtmlBlock html) {
                unsafe.add("html block: " + html.getLiteral());
            }

            @Override
            public void visit(HtmlInline html) {
                unsafe.add("inline html: " + html.getLiteral());
            }

            @Override
            public void visit(Image image) {
                unsafe.add("image: " + image.getDestination());
            }

            @Override
            public void visit(Link link) {
                if (!link.getDestination().startsWith("https://")) {
                    unsafe.add("link: " + link.getDestination());
                }
                visitChildren(link);
            }
        });
        assertThat(fenced).contains(paste + "\n");
        assertThat(unsafe).isEmpty();
        assertThat(md.body()).contains("``````text\n" + paste + "\n``````");
    }

    @Test
    void theCasePageRendersFixStepsAndAnswersForPeople() throws Exception {
        String id = open(DIALOG);
        assertThat(post("/api/cases/" + id + "/messages", "{\"answer\": {\"other-hosts-work\": \"yes\"}}")
                .statusCode()).isEqualTo(200);

        String html = get("/cases/" + id).body();
        String fixes = html.substring(html.indexOf("<section id=\"fixes\""));
        fixes = fixes.substring(0, fixes.indexOf("</section>"));
        assertThat(fixes).contains("<ol class=\"steps\"><li>").doesNotContain("**");
        assertThat(html).contains("<dd>Yes, others work</dd>")
                .contains("<pre class=\"paste\">mstsc /v:rdp01.corp.example\nError code: 0x904")
                .contains("<span class=\"kind\">answer</span>")
                .contains("host <code>rdp01.corp.example</code>");
    }

    @Test
    void caseJsonIsTheDiagnosisWithItsFacts() throws Exception {
        String id = open(DIALOG);
        HttpResponse<String> r = get("/cases/" + id + ".json");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "application/json"));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("case").asText()).isEqualTo(id);
        assertThat(body.path("causes").isArray()).isTrue();
        assertThat(body.path("causes").path(0).path("id").asText()).isEqualTo("cert.expired");
        assertThat(body.path("facts")).extracting(f -> f.path("kind").asText()).containsExactly("message",
                "probe_run");
        assertThat(body.path("facts").path(0).path("data").path("text").asText()).isEqualTo(DIALOG);
        assertThat(body).isEqualTo(JSON.readTree(get("/api/cases/" + id).body()));
        assertThat(get("/cases/nosuchcase.json").statusCode()).isEqualTo(404);
    }

    @Test
    void theCaseListFindsCasesByCodeCauseHostAndWords() throws Exception {
        String expired = open(DIALOG + "\nsearchtest");
        String other = open("searchtest: the remote computer asks for Network Level Authentication and CredSSP fails");
        assertThat(topCause(other)).isNotEqualTo("cert.expired");

        assertThat(listed("searchtest 0x904")).containsExactly(expired);
        assertThat(listed("searchtest cert.expired")).containsExactly(expired);
        assertThat(listed("searchtest rdp01")).containsExactly(expired);
        assertThat(listed("searchtest certificate expired")).containsExactly(expired);
        assertThat(listed("searchtest")).containsExactly(other, expired);
        assertThat(listed("0x904")).contains(expired).doesNotContain(other);
        assertThat(listed("nothing-matches-this")).isEmpty();
    }

    @Test
    void theCaseListIsEscapedAndKeepsTheQueryInItsSearchBox() throws Exception {
        open("<script>alert(1)</script> listescape \u202Eexe.txt");
        String query = "\"><script>alert(3)</script> listescape";
        HttpResponse<String> r = get("/cases?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.body()).doesNotContain("<script").doesNotContain("\u202E")
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt; listescape\"")
                .contains("<form class=\"search\" method=\"get\" action=\"/cases\"");
        assertThat(listed("listescape")).hasSize(1);
    }

    @Test
    void theCaseListPagesFiftyAtATimeNewestFirst() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            ids.add(open("pagetest case " + i));
        }
        String first = get("/cases?q=pagetest").body();
        assertThat(rows(first)).hasSize(50).first().isEqualTo(ids.get(50));
        assertThat(first).contains("href=\"/cases?q=pagetest&amp;page=2\"");
        String second = get("/cases?q=pagetest&page=2").body();
        assertThat(rows(second)).containsExactly(ids.get(0));
        assertThat(second).contains("href=\"/cases?q=pagetest&amp;page=1\"").doesNotContain("page=3");
        assertThat(rows(get("/cases?q=pagetest&page=x").body())).hasSize(50);
    }

    @Test
    void everyResponseSaysNoSniff() throws Exception {
        String id = open(DIALOG);
        List<HttpResponse<String>> responses = List.of(get("/health"), get("/cases"), get("/cases/" + id),
                get("/cases/" + id + ".md"), get("/cases/" + id + ".json"), get("/api/cases/" + id),
                get("/assets/case.css"), get("/no/such/page"), get("/cases/nosuchcase"),
                post("/api/diagnose", "{not json"), post("/api/diagnose", "{\"text\": \"  \"}"));
        for (HttpResponse<String> r : responses) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(r.uri() + " " + r.statusCode())
                    .contains("nosniff");
        }
    }

    @Test
    void theStylesheetIsServedWithAPrintStyle() throws Exception {
        HttpResponse<String> css = get("/assets/case.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(
                "text/css"));
        assertThat(css.body()).contains("@media print");
    }

    private static List<String> rows(String html) {
        Matcher m = Pattern.compile("<tr><td><time[^>]*>[^<]*</time></td><td><a href=\"/cases/([a-z0-9]+)\">")
                .matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static List<String> listed(String query) throws Exception {
        HttpResponse<String> r = get("/cases?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return rows(r.body());
    }

    private static String topCause(String id) throws Exception {
        return JSON.readTree(get("/cases/" + id + ".json").body()).path("causes").path(0).path("id").asText();
    }

    private static String open(String text) throws Exception {
        // Waits for the probe run a named host starts, so every fact is stored before the test reads the case.
        HttpResponse<String> r = post("/api/cases?wait=true", JSON.writeValueAsString(Map.of("text", text)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("case").asText();
    }

    static HttpResponse<String> post(String path, String body) {
        return triage.post(path, body);
    }

    static HttpResponse<String> get(String path) {
        return triage.get(path);
    }
}
