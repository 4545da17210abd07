package dev.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.bot.web.Browser.Viewport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The page's own behaviour in headless Chromium, against {@link ContractFake} (a scripted stand-in for the HTTP
 * contract): error messages, hostile markup in fix steps, copy buttons, the ladder's states. The real server's
 * end-to-end run is {@link WebChatBrowserTest}.
 */
class WebChatPageTest {
    private static ContractFake fake;
    private Browser browser;

    @BeforeAll
    static void startFake() {
        Browser.require();
        fake = new ContractFake();
    }

    @AfterAll
    static void stopFake() {
        if (fake != null) {
            fake.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(Viewport.DESKTOP);
        browser.go(fake.url());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "too-long   | 413 | That is too much text to send at once. The paste is 1048577 characters",
            "too-fast   | 429 | Too many requests just now. Slow down: at most 30 messages a minute.",
            "nothing    | 422 | There is nothing to diagnose in that text.",
    })
    void aRejectedMessageShowsTheServersReasonAndKeepsTheText(String paste, int status, String shown) {
        browser.find("#paste").sendKeys(paste);
        browser.find("#send").click();

        browser.until(d -> browser.find("#error").isDisplayed());
        assertThat(browser.find("#error").getText()).startsWith(shown);
        assertThat(browser.find("#error").getDomAttribute("data-status")).isEqualTo(String.valueOf(status));
        assertThat(browser.find("#paste").getDomProperty("value")).isEqualTo(paste);
        assertThat(browser.find(".msg.user").getDomAttribute("class")).contains("failed");
    }

    @Test
    void ctrlEnterSendsAndTheFixStepsKeepOnlyHarmlessMarkup() {
        browser.find("#paste").sendKeys("Error code: 0x904");
        browser.find("#paste").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        browser.waitFor(".msg.bot .fix-step");
        assertThat(browser.all(".msg.bot .cause")).hasSize(3);
        assertThat(browser.find(".cause[data-rank='1']").getDomAttribute("data-cause")).isEqualTo("network.blocked");
        assertThat(browser.find(".cause[data-rank='1'] .confidence").getText()).isEqualTo("50%");
        assertThat(browser.find(".cause[data-rank='1'] .evidence").getText()).isEqualTo("The code 0x904 <i>says</i> so");
        assertThat(browser.find(".code[data-code='0x904']").getText()).contains("The <connection> failed");
        assertThat(browser.all(".fix-step img, .fix-step script")).isEmpty();
        assertThat(browser.find(".fix-step a").getDomAttribute("href")).isNull();
        assertThat(browser.all(".fix-step button.copy")).hasSize(2);
        assertThat(browser.find(".fix-step[data-step='1'] .stats").getText()).contains("worked 3 of 4 times");
        assertThat(browser.find("a.case-link").getDomAttribute("href")).isEqualTo("/cases/c1");

        WebElement copy = browser.find(".fix-step[data-step='1'] button.copy");
        copy.click();
        browser.until(d -> copy.getDomAttribute("data-copied") != null);
        assertThat(copy.getText()).isIn("Copied", "Select and copy");
        // The fixture's steps carry <img onerror=alert(1)>: had it run, the open alert would have failed the commands
        // above. The only report allowed is the browser refusing that handler; the page's own code runs none inline.
        assertThat(browser.cspViolations()).allMatch(Browser::refusedInlineHandler);
    }

    @Test
    void theLadderFillsInLiveThenTheReRankedReplyReplacesIt() {
        browser.find("#paste").sendKeys("Error code: 0x904");
        browser.find("#send").click();
        browser.waitFor(".question button[data-value='azure']").click();
        browser.waitFor(".question[data-question='target-host']");
        browser.recordLadder();
        browser.find("#paste").sendKeys("127.0.0.1:3389");
        browser.find("#send").click();

        browser.waitFor(".ladder [data-step='tcp'][data-status]");
        browser.screenshot("fake-ladder-live");
        browser.waitFor(".msg.bot[data-reranked='true'] .cause[data-rank='1'][data-cause='cert.expired']");
        assertThat(browser.ladderSnapshots())
                .contains("dns:done tcp:done rdp:pending tls:pending certificate:pending ntlm:pending")
                .contains("dns:done tcp:done rdp:done tls:done certificate:done ntlm:done");
        assertThat(browser.find(".ladder [data-step='certificate']").getDomAttribute("data-ok")).isEqualTo("false");
        assertThat(browser.find(".ladder [data-step='certificate'] .mark").getText()).isEqualTo("✗");
        browser.screenshot("fake-ladder-done");

        browser.find(".fix-step .feedback button[data-worked='true']").click();
        browser.until(d -> browser.find(".fix-step .stats").getText().contains("worked 1 of 1"));
    }

    @Test
    void theWholeConversationWorksFromTheKeyboard() {
        WebDriver d = browser.driver();
        d.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(active().getDomAttribute("class")).isEqualTo("skip-link");
        active().sendKeys(Keys.TAB);
        assertThat(active().getDomAttribute("id")).isEqualTo("paste");
        active().sendKeys("Error code: 0x904", Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.waitFor(".msg.bot .question button[data-value]");

        for (int i = 0; i < 40 && !"option".equals(active().getDomAttribute("class")); i++) {
            active().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        }
        assertThat(active().getDomAttribute("data-value")).isEqualTo("on-premises");
        active().sendKeys(Keys.ENTER);

        browser.waitFor(".question[data-question='target-host']");
        assertThat(active().getDomAttribute("id")).isEqualTo("paste");
        assertThat(browser.all(".question[data-question='environment'] button:not([disabled])")).isEmpty();
    }

    @Test
    void atPhoneWidthNothingScrollsSideways() {
        browser.close();
        browser = Browser.open(Viewport.PHONE);
        browser.go(fake.url());
        browser.find("#paste").sendKeys("Error code: 0x904");
        browser.find("#send").click();
        browser.waitFor(".msg.bot .question button[data-value='azure']").click();
        browser.waitFor(".question[data-question='target-host']");
        browser.find("#paste").sendKeys("127.0.0.1:3389");
        browser.find("#send").click();
        browser.waitFor(".msg.bot[data-reranked='true']");

        assertThat(browser.scrollsSideways()).isFalse();
        browser.screenshot("fake-diagnosis");
    }

    private WebElement active() {
        return browser.driver().switchTo().activeElement();
    }
}
