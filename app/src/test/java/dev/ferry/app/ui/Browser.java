package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its chromedriver, for one test class:
 * {@code @RegisterExtension static final Browser browser = new Browser();}. Waits are generous
 * and poll for a condition (never a fixed sleep): CI runs on a loaded 2-core machine.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private ChromeDriver driver;

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = start("1280,900");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }

    /** A new browser window of the given size, e.g. "360,800" for a phone; quit() it when done. */
    static ChromeDriver start(String windowSize) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // As root in a container, without a GPU; and no calls home, which this network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + windowSize);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens an address, e.g. {@code ferry.url() + "/#/jobs"}. */
    public void open(String url) {
        driver.get(url);
    }

    /** Waits until the condition holds (a non-null, non-false answer) and returns its answer. */
    public <T> T await(Function<WebDriver, T> condition) {
        try {
            // A page that redraws replaces elements while a condition reads them: read again.
            return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            screenshot("failed-wait.png");
            throw new AssertionError("waited " + PATIENCE.toSeconds() + " s in vain on " + driver.getCurrentUrl()
                    + "\nthe page says: " + driver.findElement(By.tagName("body")).getText()
                    + "\nits main part: " + driver.findElement(By.tagName("main")).getAttribute("innerHTML")
                    + "\nthe console: " + driver.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
    }

    /** Waits for an element to be on the page and returns it. */
    public WebElement find(String css) {
        return await(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /**
     * Waits until the element's text contains the given text; returns the element. The text is
     * the DOM's (textContent): WebDriver's getText() applies CSS such as text-transform.
     */
    public WebElement awaitText(String css, String text) {
        return await(d -> d.findElements(By.cssSelector(css)).stream()
                .filter(e -> text(e).contains(text)).findFirst().orElse(null));
    }

    /** An element's text as the DOM holds it, whatever CSS does to its look. */
    public static String text(WebElement element) {
        return String.valueOf(element.getDomProperty("textContent"));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Fails on any error the page logged to the console since the last call. */
    public void assertNoConsoleErrors() {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), "console errors: " + errors);
    }

    /**
     * Saves what the browser shows under app/target/screenshots, for a person to look at;
     * docs/images holds copies of the ones the docs show.
     */
    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
