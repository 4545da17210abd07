package dev.triage.bot.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. The driver path is set explicitly, so Selenium
 * Manager never runs and nothing is downloaded. Without the packages the test is skipped, unless {@code CI=true},
 * where it fails.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** A window size a test runs at; {@code name} prefixes its screenshots. */
    enum Viewport {
        DESKTOP("desktop", 1280, 900),
        PHONE("phone", 375, 812);

        final String name;
        final int width;
        final int height;

        Viewport(String name, int width, int height) {
            this.name = name;
            this.width = width;
            this.height = height;
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final Viewport viewport;

    private Browser(ChromeDriver driver, Path profile, Viewport viewport) {
        this.driver = driver;
        this.profile = profile;
        this.viewport = viewport;
    }

    /** Skips the calling test (or fails it under CI=true) when chromium or chromedriver is not installed. */
    static void require() {
        List<Path> missing = java.util.stream.Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String message = "missing " + missing + "; install with: apt-get install -y chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    static Browser open(Viewport viewport) {
        require();
        System.setProperty("SE_AVOID_STATS", "true");
        try {
            Path profile = Files.createTempDirectory("triage-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--user-data-dir=" + profile.toAbsolutePath(),
                    "--window-size=" + viewport.width + "," + viewport.height);
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(viewport.width, viewport.height));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
            return new Browser(driver, profile, viewport);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    Viewport viewport() {
        return viewport;
    }

    void go(String url) {
        driver.get(url);
        until(d -> "true".equals(d.findElement(By.tagName("html")).getDomAttribute("data-ready")));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return until(Duration.ofSeconds(20), condition);
    }

    <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(25)).until(condition);
    }

    /** Waits until {@code css} matches, then returns the last match. */
    WebElement waitFor(String css) {
        return until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(found.size() - 1);
        });
    }

    /** Records, on every change of the live ladder, which steps are done (read back by {@link #ladderSnapshots}). */
    void recordLadder() {
        script("""
                window.__ladder = [];
                new MutationObserver(() => {
                  const ladder = document.querySelector('.ladder[data-live="true"]');
                  if (!ladder) return;
                  const rungs = Array.from(ladder.querySelectorAll('.rung'));
                  window.__ladder.push(rungs.map(r => r.dataset.step + ':' + r.dataset.state).join(' '));
                }).observe(document.getElementById('thread'),
                    {subtree: true, childList: true, attributes: true, attributeFilter: ['data-state']});
                """);
    }

    @SuppressWarnings("unchecked")
    List<String> ladderSnapshots() {
        return (List<String>) script("return window.__ladder;");
    }

    /** Saves {@code target/screenshots/<viewport>-<step>.png}, scrolled to the newest reply if there is one. */
    Path screenshot(String step) {
        return screenshot(step, ".msg.bot");
    }

    /** Saves {@code target/screenshots/<viewport>-<step>.png}, scrolled to the last element matching {@code css}. */
    Path screenshot(String step, String css) {
        script("const m = document.querySelectorAll(arguments[0]); if (m.length) m[m.length - 1].scrollIntoView();", css);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(viewport.name + "-" + step + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The browser console's messages about content the page's CSP refused (inline script or style, ...). */
    List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
    }

    /**
     * True for the console's report that an inline event handler was refused. Chromium 156.0.8078.129 reports one each
     * time its HTML parser meets an on* attribute, even in an inert template or the Sanitizer API; .73 did not. A page
     * that renders a hostile fixture's steps therefore logs it although nothing runs.
     */
    static boolean refusedInlineHandler(String message) {
        return message.contains("Executing inline event handler") && message.contains("has been blocked");
    }

    /** True when the page is wider than the window (a horizontal scroll bar). */
    boolean scrollsSideways() {
        Object overflow = script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) overflow).intValue() > 0;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}
