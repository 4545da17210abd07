package dev.triage.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.triage.bot.BotApplication;
import dev.triage.bot.config.BotConfig;
import dev.triage.bot.config.TicketSettings;
import dev.triage.bot.web.Browser.Viewport;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * The web chat's "Send to jira" button against a Jira stand-in that fails once and then creates HD-12: the error is
 * shown as text, and the retry shows the issue as a link.
 */
class TicketButtonBrowserTest {
    @TempDir
    Path data;

    @Test
    void theButtonShowsJirasFailureThenTheNewIssuesLink() throws Exception {
        Browser.require();
        AtomicInteger calls = new AtomicInteger();
        HttpServer jira = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jira.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            boolean fail = calls.incrementAndGet() == 1;
            byte[] body = (fail ? "{}" : "{\"id\":\"1\",\"key\":\"HD-12\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jira.start();
        String jiraUrl = "http://127.0.0.1:" + jira.getAddress().getPort();
        BotConfig config = BotConfig.defaults().withDataDir(data).withTickets(TicketSettings.none()
                .withJira(new TicketSettings.Jira(jiraUrl, "agent@example.com", "token", "HD", "Task")));
        try (BotApplication app = BotApplication.create(config); Browser browser = Browser.open(Viewport.DESKTOP)) {
            Javalin server = app.httpApi().create().start(0);
            try {
                browser.go("http://localhost:" + server.port() + "/");
                browser.find("#paste").sendKeys(resource("/dialog-0x904.txt"));
                browser.find("#send").click();
                browser.waitFor(".msg.bot .code[data-code='0x904']");
                WebElement button = browser.waitFor("#ticket-send");
                assertThat(button.getText()).isEqualTo("Send to jira");

                button.click();
                browser.until(d -> browser.find("#ticket-result").getText().startsWith("Jira answered 500"));
                assertThat(browser.find("#ticket-result").getText()).contains("The case is unchanged");

                button.click();
                WebElement link = browser.waitFor("#ticket-result a");
                assertThat(browser.find("#ticket-result").getText()).isEqualTo("Created jira HD-12");
                assertThat(link.getDomAttribute("href")).isEqualTo(jiraUrl + "/browse/HD-12");
                assertThat(browser.cspViolations()).isEmpty();
            } finally {
                server.stop();
            }
        } finally {
            jira.stop(0);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TicketButtonBrowserTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
