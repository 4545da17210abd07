package dev.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.web.Browser.Viewport;
import dev.triage.probes.fixtures.DelayingProxy;
import dev.triage.probes.fixtures.TestCertificates;
import dev.triage.probes.fixtures.TestCertificates.Kind;
import dev.triage.probes.fixtures.XrdpServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The web chat end to end: headless Chromium on Triage's real server (in-process, port 0, its own data directory),
 * probing a real xrdp on loopback whose certificate expired in 2021. A delaying proxy in front of xrdp spaces the
 * probe steps out so the live ladder can be seen filling in. Screenshots go to {@code target/screenshots/}.
 */
class WebChatBrowserTest {
    private static final String DIALOG = resource("/dialog-0x904.txt");
    /** Answers to pick when Triage asks a question with buttons before it asks for the host. */
    private static final Map<String, String> PREFERRED = Map.of("environment", "on-premises",
            "other-hosts-work", "yes", "vpn", "direct", "client-app", "mstsc", "port", "other");

    @TempDir
    static Path fixtures;
    private static XrdpServer xrdp;
    private static DelayingProxy proxy;

    @TempDir
    Path data;
    private BotApplication app;
    private Javalin server;
    private Browser browser;

    @BeforeAll
    static void startXrdpWithAnExpiredCertificate() throws IOException {
        Browser.require();
        TestCertificates certificates = TestCertificates.generate(Files.createDirectories(fixtures.resolve("certs")));
        xrdp = XrdpServer.start(Files.createDirectories(fixtures.resolve("xrdp")),
                XrdpServer.Config.of("tls", certificates.certificate(Kind.EXPIRED), certificates.key(Kind.EXPIRED)));
        proxy = DelayingProxy.start(xrdp.port(), Duration.ofMillis(120));
    }

    @AfterAll
    static void stopXrdp() {
        if (proxy != null) {
            proxy.close();
        }
        if (xrdp != null) {
            xrdp.close();
        }
    }

    @AfterEach
    void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    /**
     * Starts Triage's HTTP server in-process on a free port with a fresh data directory, allowed to probe only the
     * xrdp fixture (through its proxy). The one place that knows how the server is wired.
     */
    private String startTriage() {
        BotConfig config = BotConfig.defaults().withDataDir(data)
                .withProbesAllow(List.of("127.0.0.1/32:" + proxy.port()));
        app = BotApplication.create(config);
        server = app.httpApi().create().start(0);
        return "http://localhost:" + server.port() + "/";
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aPastedDialogIsDiagnosedProbedLiveAndTheFixCanBeMarkedAsWorking(Viewport viewport) {
        String url = startTriage();
        browser = Browser.open(viewport);
        browser.go(url);

        browser.find("#paste").sendKeys(DIALOG);
        shot("01-pasted", "#composer");
        browser.find("#send").click();
        WebElement first = browser.waitFor(".msg.bot .question button[data-value]");
        assertThat(browser.find(".msg.bot .code[data-code='0x904']").getText()).isNotBlank();
        assertThat(browser.find(".msg.user .user-text").getText()).contains("Extended error code: 0x7");
        assertThat(browser.find("a.case-link").getDomAttribute("href")).startsWith("/cases/");
        shot("02-first-reply");

        answerAButtonQuestion(first);
        shot("03-answered");

        browser.recordLadder();
        browser.find("#paste").sendKeys("127.0.0.1:" + proxy.port());
        browser.find("#send").click();
        browser.waitFor(".ladder [data-step='tcp'][data-state='done']");
        shot("04-probing");

        WebElement lead = browser.waitFor(".msg.bot[data-reranked='true'] .cause[data-rank='1']");
        assertThat(lead.getDomAttribute("data-cause")).isEqualTo("cert.expired");
        // The certificate probe's finding (the fixture's certificate ended on 2021-01-01) is the leading evidence.
        assertThat(lead.findElement(org.openqa.selenium.By.cssSelector(".evidence")).getText())
                .contains("expired on 2021-01-01");
        assertThat(ladderStep("certificate").getDomAttribute("data-status")).isEqualTo("EXPIRED");
        assertThat(ladderStep("certificate").getDomAttribute("data-ok")).isEqualTo("false");
        assertThat(ladderStep("tcp").getDomAttribute("data-ok")).isEqualTo("true");
        assertThat(browser.ladderSnapshots()).as("a moment when an earlier step was done and a later one was not")
                .anySatisfy(s -> assertThat(s).contains("tcp:done").doesNotContain("certificate:done"));
        shot("05-diagnosis", ".msg.bot[data-reranked='true'] .causes");

        WebElement yes = browser.find(".msg.bot[data-reranked='true'] .fix-step .feedback button[data-worked='true']");
        yes.click();
        browser.until(d -> browser.find(".msg.bot[data-reranked='true'] .fix-step .stats").getText()
                .contains("worked 1 of 1"));
        assertThat(browser.scrollsSideways()).as("horizontal scroll at " + viewport).isFalse();
        shot("06-feedback", ".feedback[data-answered]");

        assertThat(browser.cspViolations()).isEmpty();
        String casePage = browser.find("a.case-link").getDomProperty("href");
        browser.driver().get(casePage);
        assertThat(browser.find("body").getText()).contains("cert.expired").contains("0x904")
                .contains("step 1 of the fix").contains("worked");
        assertThat(browser.scrollsSideways()).as("the case page scrolls sideways at " + viewport).isFalse();
        browser.screenshot("07-case-page");
    }

    @Test
    void pastedMarkupAndLinksStayInertText() {
        String url = startTriage();
        browser = Browser.open(Viewport.DESKTOP);
        browser.go(url);
        String paste = String.join("\n", "Error code: 0x904",
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "[x](javascript:alert(1))",
                "![x](http://127.0.0.1:1/x.png)");

        browser.find("#paste").sendKeys(paste);
        browser.find("#send").click();
        browser.waitFor(".msg.bot");

        assertThat(browser.find(".msg.user .user-text").getText()).isEqualTo(paste);
        assertThat(browser.all("#thread img, #thread script, #thread a[href^='javascript']")).isEmpty();
        assertThat(browser.script("return document.images.length")).isEqualTo(0L);
        assertThat(noAlert()).isTrue();
        browser.screenshot("08-markup-inert");
    }

    /** Answers the first question by button, picking a neutral answer when there is one. */
    private void answerAButtonQuestion(WebElement firstOption) {
        WebElement question = browser.find(".msg.bot .question");
        String preferred = PREFERRED.get(question.getDomAttribute("data-question"));
        List<WebElement> options = browser.all(".msg.bot .question button[data-value='" + preferred + "']");
        int repliesBefore = browser.all(".msg.bot").size();
        (options.isEmpty() ? firstOption : options.get(0)).click();
        browser.until(d -> browser.all(".msg.bot").size() > repliesBefore);
    }

    private WebElement ladderStep(String name) {
        return browser.find(".msg.bot[data-reranked='true'] .ladder [data-step='" + name + "']");
    }

    private boolean noAlert() {
        try {
            browser.driver().switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }

    private void shot(String step) {
        shot(step, ".msg.bot");
    }

    /** A screenshot scrolled to {@code css}, after checking that the page does not scroll sideways. */
    private void shot(String step, String css) {
        assertThat(browser.scrollsSideways()).as("horizontal scroll at " + step).isFalse();
        browser.screenshot(step, css);
    }

    private static String resource(String name) {
        try (InputStream in = WebChatBrowserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
