package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** A demo's form in a real headless Chromium: built from the demo's description, checked by the server as it is filled in. */
class DemoFormBrowserTest {
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("noop,regions");
    @RegisterExtension
    static final Browser browser = new Browser();
    @TempDir
    static Path files;

    @Test
    void aNoopJobSubmittedFromTheFormSucceedsWithItsProgressShown() throws Exception {
        browser.open(ferry.url() + "/#/demos/noop");
        set("#param-sleep_ms", "1500");
        set("#param-echo", "from the form");
        browser.await(d -> d.findElement(By.id("submit")).isEnabled());
        browser.find("#submit").click();

        String id = browser.await(d -> d.getCurrentUrl().contains("#/jobs/") ? d.getCurrentUrl().replaceAll(".*#/jobs/", "") : null);
        browser.awaitText("#job-state", "succeeded");
        WebElement bar = browser.find("#job-progress");
        assertEquals(bar.getAttribute("max"), bar.getAttribute("value"), "a finished job's bar is full");
        assertTrue(Browser.text(browser.find("#job-message")).contains("10 of 10"), "the demo's progress: " + Browser.text(browser.find("#job-message")));
        browser.awaitText(".viewer", "from the form");
        browser.awaitText("#job-files", "noop.json");

        JsonNode job = ferry.api().get("/api/v1/jobs/" + id).json();
        assertEquals("succeeded", job.get("state").asText());
        assertEquals("from the form", job.at("/params/echo").asText());
        assertEquals(1500, job.at("/params/sleep_ms").asInt());
        browser.assertNoConsoleErrors();
        browser.find("#use-via-api summary").click();
        browser.screenshot("job-succeeded.png");
    }

    @Test
    void theUseViaApiPanelsCurlCommandSubmitsTheSameJob() throws Exception {
        browser.open(ferry.url() + "/#/demos/noop");
        set("#param-echo", "it's \"quoted\"");
        browser.await(d -> d.findElement(By.id("submit")).isEnabled());
        browser.find("#submit").click();
        browser.awaitText("#job-state", "succeeded");
        browser.find("#use-via-api summary").click();
        String curl = browser.find("#use-via-api pre").getText();
        assertTrue(curl.startsWith("curl "), curl);

        Process run = new ProcessBuilder("bash", "-c", curl).redirectErrorStream(true).start();
        String answer = new String(run.getInputStream().readAllBytes());
        assertEquals(0, run.waitFor(), answer);
        JsonNode submitted = Json.MAPPER.readTree(answer);
        assertEquals("it's \"quoted\"", submitted.at("/params/echo").asText(), answer);
        assertEquals("noop", submitted.get("demo").asText());
        assertTrue(ferry.api().awaitFinished(submitted.get("id").asText(), Duration.ofSeconds(90)).get("state").asText().equals("succeeded"));
    }

    @Test
    void theServersRefusalIsShownBesideTheFieldItNames() {
        browser.open(ferry.url() + "/#/demos/noop");
        set("#param-sleep_ms", "-5");
        WebElement error = browser.awaitText("[data-param='sleep_ms'] .error", "between 0 and 3600000");
        assertTrue(error.getText().contains("sleep_ms"), error.getText());
        assertEquals("true", browser.find("#param-sleep_ms").getAttribute("aria-invalid"));
        assertFalse(browser.find("#submit").isEnabled(), "the form cannot be sent while the server refuses it");
        assertEquals("Fix sleep_ms first.", browser.find("#submit-reason").getText());
        assertEquals("", browser.find("[data-param='echo'] .error").getText(), "only the field named is marked");
        browser.screenshot("form-error.png");

        set("#param-sleep_ms", "0");
        browser.await(d -> d.findElement(By.id("submit")).isEnabled());
        assertEquals("", browser.find("[data-param='sleep_ms'] .error").getText());
        browser.assertNoConsoleErrors();
    }

    @Test
    void aMissingModelDisablesTheSubmitWithTheCommandThatInstallsIt() {
        browser.open(ferry.url() + "/#/demos/regions");
        WebElement reason = browser.awaitText("#submit-reason", "ferry models pull regions text_lines");
        assertFalse(browser.find("#submit").isEnabled());
        assertTrue(browser.find(".models-missing").getText().contains("ferry models pull regions text_lines"), reason.getText());
        List<String> fields = browser.all(".field[data-param]").stream().map(e -> e.getAttribute("data-param")).toList();
        assertEquals(List.of("model", "confidence", "iou", "max_size", "postprocess", "margin", "ocr"), fields, "a field per parameter");
        assertEquals("select", browser.find("#param-postprocess").getTagName(), "an enum is a choice");
        browser.screenshot("form-model-missing.png");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aFileNameIsShownAsTextNeverAsHtml() throws Exception {
        Path upload = Files.writeString(files.resolve("<img src=x onerror=alert(1)>.txt"), "not an image");
        browser.open(ferry.url() + "/#/demos/noop");
        browser.find("#input-files").sendKeys(upload.toAbsolutePath().toString());
        browser.awaitText(".file-list", "<img src=x onerror=alert(1)>.txt");
        assertTrue(browser.all(".file-list img").isEmpty(), "the name stayed text");
        browser.find("#submit").click();
        browser.awaitText("#job-state", "succeeded");
        assertTrue(browser.all("img[src='x']").isEmpty(), "no element was made from the name");
        WebElement inputs = browser.awaitText("#job-inputs", "onerror");
        assertTrue(inputs.findElements(By.tagName("img")).isEmpty(), "the stored name is text too: " + Browser.text(inputs));
        browser.assertNoConsoleErrors(); // an alert() would also have failed the next WebDriver call
    }

    /** Types a new value and commits it, as a user does by leaving the field. */
    private static void set(String css, String value) {
        WebElement field = browser.find(css);
        field.clear();
        field.sendKeys(value, Keys.TAB);
    }
}
