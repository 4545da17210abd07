package dev.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * {@code triage report} on a Zendesk-shaped export, opened from disk in headless Chromium: the numbers, the chart,
 * the hosts and groups, links that land on their rows, no script from ticket text, and nothing fetched.
 */
class BacklogReportBrowserTest {
    private static final String EXPIRED = "Cannot connect to rds01.corp.example: This user account has expired."
            + " Error code: 0xe07 Extended error code: 0x0";
    private static final String PROTOCOL = "mstsc /v:RDS01.corp.example\r\nError code: 0x904\r\n"
            + "Extended error code: 0x7";
    private static final String HOSTILE = "<script>window.pwned=1</script><img src=x onerror=\"\"window.pwned=2\"\">"
            + " <a href=\"\"https://evil.example/\"\">click</a>";

    @TempDir
    static Path dir;
    static Browser browser;
    static String cliErr;

    @BeforeAll
    static void report() throws IOException {
        Path export = dir.resolve("zendesk.csv");
        Files.writeString(export, "Id,Subject,Description,Status\r\n"
                + "501,Expired,\"" + EXPIRED + "\",open\r\n"
                + "502,Expired again,\"" + EXPIRED + "\",open\r\n"
                + "503,\"Expired, third\",\"" + EXPIRED + "\",open\r\n"
                + "504,Protocol,\"" + PROTOCOL + "\",open\r\n"
                + "505,Protocol 2,\"" + PROTOCOL + "\",open\r\n"
                + "506,\"" + HOSTILE + "\",\"Error code: 0x904 Extended error code: 0x7 " + HOSTILE + "\",open\r\n"
                + "507,\"\",\"\",open\r\n"
                + "508,broken,\"x\" y,open\r\n");
        Path html = dir.resolve("report.html");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())
                .run("report", export.toString(), "-o", html.toString());
        cliErr = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(cliErr).isZero();
        browser = Browser.open(Browser.Viewport.DESKTOP);
        browser.go(html.toUri().toString());
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theHeadlineNumbersCountTheTickets() {
        assertThat(cliErr).contains("line 13: text after the closing quote").contains("7 tickets");
        assertThat(browser.find("h1").getText()).isEqualTo("Backlog: 7 tickets");
        assertThat(tile("diagnosed")).isEqualTo("6");
        assertThat(tile("failed")).isEqualTo("1");
        assertThat(tile("skipped")).isEqualTo("1");
        assertThat(browser.find(".headline").getText()).startsWith("Most tickets: ")
                .contains("3 of 7 (43 %)").contains("Busiest host: rds01.corp.example, in 5 tickets.");
        browser.screenshot("backlog-report", "h1");
    }

    @Test
    void theChartHasOneBarPerLeadingCauseLargestFirstAndEachLeadsToItsTickets() {
        List<WebElement> bars = browser.all("svg.chart a.bar");
        List<WebElement> groups = browser.all("tbody.cause");
        assertThat(bars).hasSize(groups.size());
        assertThat(bars.get(0).getDomAttribute("data-cause")).isEqualTo("auth.account-locked-or-expired");
        assertThat(bars.get(0).getText()).contains("3 (43%)");
        String target = bars.get(0).getDomAttribute("href").substring(1);
        assertThat(browser.find("[id='" + target + "'] th").getText()).endsWith("· 3 tickets");
        assertThat(browser.all("[id='" + target + "'] tr.ticket")).extracting(WebElement::getText)
                .allMatch(t -> t.contains("rds01.corp.example"));
    }

    @Test
    void hostsInSeveralTicketsAndGroupsOfCauseAndHostLinkToTheirRows() {
        List<WebElement> hosts = browser.all("tr.host");
        assertThat(hosts).hasSize(1);
        assertThat(hosts.get(0).getText()).startsWith("rds01.corp.example 5");
        List<WebElement> groups = browser.all("tr.group");
        assertThat(groups).extracting(g -> g.findElements(org.openqa.selenium.By.tagName("a")).size())
                .containsExactly(3, 2);
        WebElement link = groups.get(1).findElements(org.openqa.selenium.By.tagName("a")).get(1);
        assertThat(link.getText()).isEqualTo("505");
        link.click();
        browser.until(d -> browser.script("return location.hash").equals(link.getDomAttribute("href")));
        Object targeted = browser.script("const t = document.querySelector(':target'); return t && t.textContent;");
        assertThat((String) targeted).startsWith("505").contains("Protocol 2");
        browser.screenshot("backlog-report-row", "tr.ticket:target");
    }

    @Test
    void ticketTextIsShownAsTextAndRunsNothing() {
        assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
        assertThat(browser.all("script")).isEmpty();
        assertThat(browser.all("img")).isEmpty();
        assertThat(browser.all("tr.ticket")).extracting(WebElement::getText)
                .anyMatch(t -> t.contains("<script>window.pwned=1</script><img src=x onerror="));
    }

    @Test
    void thePageFetchesNothingAndItsPolicyForbidsFetching() {
        assertThat(browser.script("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
        assertThat(browser.find("meta[http-equiv='Content-Security-Policy']").getDomAttribute("content"))
                .startsWith("default-src 'none'; style-src 'sha256-");
        assertThat(browser.all("[src], link, iframe, object")).isEmpty();
        assertThat(browser.all("a[href]")).extracting(a -> a.getDomAttribute("href")).allMatch(h -> h.startsWith("#"));
        // The inline style is the hashed one: the page is styled, so the hash matched.
        assertThat(browser.script("return getComputedStyle(document.body).backgroundColor"))
                .isEqualTo("rgb(245, 247, 250)");
        assertThat(browser.cspViolations()).isEmpty();
    }

    private static String tile(String name) {
        return browser.find("[data-tile='" + name + "'] b").getText();
    }
}
