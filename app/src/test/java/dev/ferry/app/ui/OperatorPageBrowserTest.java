package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.support.FerryForTests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * #/operator in a real headless Chromium: counts and throughput follow new jobs live, the
 * Pause button holds a job queued until Resume, dead letters are retried and deleted.
 */
class OperatorPageBrowserTest {
    private static final String NOOP = ".demo-ops[data-demo='noop'] ";
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("noop");
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void countsFollowNewJobsAndPauseHoldsAJobUntilResume() {
        browser.open(ferry.url() + "/#/operator");
        browser.find(NOOP + ".throughput-chart");
        for (int i = 0; i < 3; i++) {
            finish("{\"params\": {\"sleep_ms\": 300}}", "succeeded");
        }
        long succeeded = ferry.api().get("/monitor/noop").json().get("demos").get(0).get("succeeded_last_hour").asLong();
        browser.await(d -> text(NOOP + ".throughput-summary").startsWith("Last hour: " + succeeded + " succeeded"));
        browser.await(d -> count("succeeded") == succeeded);
        assertTrue(browser.all(NOOP + ".bar-succeeded").stream().anyMatch(bar -> Double.parseDouble(bar.getAttribute("height")) > 0),
                "the chart has a bar for this minute's jobs");

        browser.find(NOOP + ".pause-toggle").click();
        browser.await(d -> text(NOOP + ".queue-state").equals("paused"));
        String held = ferry.api().submitJson("noop", "{\"params\": {\"echo\": \"held\"}}");
        browser.await(d -> count("queued") == 1);
        assertEquals("queued", state(held), "no worker takes a job of a paused queue");
        assertEquals("Resume queue", text(NOOP + ".pause-toggle"));

        browser.find(NOOP + ".pause-toggle").click();
        browser.await(d -> text(NOOP + ".queue-state").equals("active"));
        assertEquals("succeeded", ferry.api().awaitFinished(held, Duration.ofSeconds(90)).path("state").asText());
        browser.await(d -> count("queued") == 0 && count("succeeded") == succeeded + 1);
        browser.assertNoConsoleErrors();
        browser.screenshot("operator.png");
    }

    @Test
    void deadLettersAreShownWithTheirErrorsRetriedAndDeleted() {
        String retried = finish("{\"params\": {\"fail_times\": 100}}", "failed");
        String deleted = finish("{\"params\": {\"fail_times\": 100}}", "failed");
        String deletedWithAll = finish("{\"params\": {\"fail_times\": 100}}", "failed");
        browser.open(ferry.url() + "/#/operator");
        browser.await(d -> text(deadLetter(retried) + ".error-text").contains("failing attempt 3 of the first 100 on purpose"));
        browser.screenshot("operator-dead-letters.png");

        // Paused, the retried job waits queued where the test can see it, instead of failing again.
        assertEquals(200, ferry.api().postJson("/api/v1/demos/noop/pause", "{}").status());
        browser.find(deadLetter(retried) + "button.secondary").click();
        browser.await(d -> browser.all(deadLetter(retried)).isEmpty());
        assertEquals("queued", state(retried));

        browser.find(deadLetter(deleted) + "button.danger").click();
        browser.await(d -> browser.all(deadLetter(deleted)).isEmpty());
        assertEquals(404, ferry.api().get("/api/v1/jobs/" + deleted).status());

        browser.awaitText(NOOP + ".bulk button.danger", "Delete all").click();
        browser.find(NOOP + ".confirm-delete").click();
        browser.await(d -> browser.all(deadLetter(deletedWithAll)).isEmpty());
        assertEquals(404, ferry.api().get("/api/v1/jobs/" + deletedWithAll).status());
        browser.assertNoConsoleErrors();

        assertEquals(200, ferry.api().postJson("/api/v1/demos/noop/resume", "{}").status());
        assertEquals("failed", ferry.api().awaitFinished(retried, Duration.ofSeconds(90)).path("state").asText());
    }

    /** At 360 px wide nothing makes the page scroll sideways; the screenshot is for a person to look at. */
    @Test
    void fitsAPhone() throws Exception {
        ChromeDriver phone = Browser.start("360,800");
        try {
            phone.get(ferry.url() + "/#/operator");
            new org.openqa.selenium.support.ui.WebDriverWait(phone, Duration.ofSeconds(90))
                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".throughput-chart")).isEmpty());
            Object overflow = phone.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, ((Number) overflow).longValue(), "the page is wider than the phone");
            Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("operator-360.png"),
                    phone.getScreenshotAs(OutputType.BYTES));
        } finally {
            phone.quit();
        }
    }

    private static String finish(String json, String expected) {
        String id = ferry.api().submitJson("noop", json);
        assertEquals(expected, ferry.api().awaitFinished(id, Duration.ofSeconds(90)).path("state").asText());
        return id;
    }

    private static String state(String id) {
        return ferry.api().get("/api/v1/jobs/" + id).json().path("state").asText();
    }

    private static String deadLetter(String id) {
        return NOOP + ".dead-letter[data-id='" + id + "'] ";
    }

    /** A figure of the demo's "Last hour" list, e.g. count("queued"); -1 while it is not shown. */
    private static long count(String name) {
        Object value = browser.driver().executeScript("""
                const dts = [...document.querySelectorAll(arguments[0] + '.counts dt')];
                const dt = dts.find(d => d.textContent === arguments[1]);
                return dt ? Number(dt.nextElementSibling.textContent) : -1;""", NOOP, name);
        return ((Number) value).longValue();
    }

    /** The text through JavaScript, "" when there is no such element: the page replaces its elements, which Selenium's handles would not survive. */
    private static String text(String css) {
        return (String) browser.driver().executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    }
}
