package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.regions.CharacterErrors;
import dev.ferry.demos.regions.OcrFidelity;
import dev.ferry.demos.regions.PrintedPages;
import dev.ferry.demos.regions.TextPages;
import dev.ferry.testkit.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A regions job's page in a real headless Chromium, on a page the real PP-OCRv4 text model
 * reads: a box over each region, a confidence slider that filters them, the crops in a grid;
 * with OCR, the text of each line and of the page, and its text, ALTO and hOCR files.
 */
class RegionsViewerBrowserTest {
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("regions").beforeStart(config -> {
        ModelStore store = ModelStore.of(config);
        store.install(new ModelRef("regions", "text_lines"), TestModels.ppOcrDetector());
        store.install(new ModelRef("regions", "text_direction"), TestModels.ppOcrDirection());
        store.installWithLabels(new ModelRef("regions", "text_recognition"), TestModels.ppOcrRecognizer(),
                TestModels.ppOcrKeys());
    });
    @RegisterExtension
    static final Browser browser = new Browser();
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    @Test
    void thePageShowsItsBoxesTheSliderFiltersThemAndTheCropsAreInAGrid() throws Exception {
        Path upload = Files.write(files.resolve("page one.png"), TextPages.render(1240, 1754, 28, 7).png());
        String id = api.submitFiles("regions", "{\"ocr\": \"off\"}", upload);
        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(90));
        assertEquals("succeeded", job.get("state").asText(), job::toString);
        int regions = job.at("/result/regions").asInt();

        browser.open(ferry.url() + "/#/jobs/" + id);
        String all = regions + " of " + regions + " regions shown";
        browser.awaitText(".viewer .shown-count", all);
        assertEquals(regions, browser.all(".viewer .boxed-image .region-box").size());
        assertEquals(regions, browser.all(".viewer .crop-grid .crop img").size());
        // the crops further down load lazily, as they scroll into view
        browser.await(d -> loaded(browser.find(".viewer .crop-grid .crop img")));
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(".viewer"));
        browser.screenshot("regions.png");

        WebElement slider = browser.find(".viewer input[type='range']");
        browser.driver().executeScript("arguments[0].value = arguments[0].max;"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", slider);
        WebElement count = browser.await(d -> {
            WebElement c = d.findElement(By.cssSelector(".viewer .shown-count"));
            return c.getText().equals(all) ? null : c;
        });
        int shown = Integer.parseInt(count.getText().split(" ")[0]);
        assertTrue(shown < regions, "at the least confidence 1 some boxes are filtered out: " + count.getText());
        assertEquals(shown, browser.all(".viewer .boxed-image .region-box").size());
        assertEquals(shown, browser.all(".viewer .crop-grid .crop").stream().filter(WebElement::isDisplayed).count());
        browser.assertNoConsoleErrors();
    }

    @Test
    void aJobWithOcrShowsEachLinesTextThePagesTextAndItsFiles() throws Exception {
        PrintedPages.Printed printed = OcrFidelity.page(PrintedPages.PageFont.DEJAVU_SERIF, 3);
        Path upload = Files.write(files.resolve("printed.png"), printed.png());
        String id = api.submitFiles("regions", "{\"ocr\": \"on\"}", upload);
        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(120));
        assertEquals("succeeded", job.get("state").asText(), job::toString);
        int regions = job.at("/result/regions").asInt();

        browser.open(ferry.url() + "/#/jobs/" + id);
        browser.awaitText(".viewer .shown-count", regions + " of " + regions + " regions shown");
        List<WebElement> lines = browser.all(".viewer .page-text .text-lines li");
        assertEquals(regions, lines.size());
        String shown = lines.stream().map(Browser::text).collect(Collectors.joining("\n", "", "\n"));
        CharacterErrors errors = CharacterErrors.of(printed.text(), shown);
        assertTrue(errors.rate() <= 0.03, "the page's text as read: CER " + errors.rate() + " in\n" + shown);
        assertEquals(Browser.text(lines.get(0)), Browser.text(browser.find(".viewer .crop-grid .crop .region-text")));
        String firstBox = browser.find(".viewer .boxed-image .region-box").getAttribute("title");
        assertTrue(firstBox.startsWith(Browser.text(lines.get(0)) + " (text confidence 0."), firstBox);
        List<String> links = browser.all(".viewer .page-text a[download]").stream()
                .map(a -> Browser.text(a) + " " + a.getAttribute("download")).toList();
        assertEquals(List.of("Text 0001-printed.txt", "ALTO XML 0001-printed.xml", "hOCR 0001-printed.html"), links);
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(".viewer"));
        browser.screenshot("regions-ocr.png");
        browser.assertNoConsoleErrors();
    }

    private static boolean loaded(WebElement img) {
        return Boolean.TRUE.equals(browser.driver().executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }
}
