package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.demos.vectorization.Arc;
import dev.ferry.demos.vectorization.Circle;
import dev.ferry.demos.vectorization.Diagrams;
import dev.ferry.demos.vectorization.Line;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/** A vectorization job's page in a real headless Chromium: the page and its SVG, side by side and overlaid. */
class VectorizationViewerBrowserTest {
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("vectorization");
    @RegisterExtension
    static final Browser browser = new Browser();
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    @Test
    void thePageAndItsSvgAreShownSideBySideAndOverlaidWithTheirCounts() throws Exception {
        Path upload = Files.write(files.resolve("plate 3.png"), Diagrams.render(640, 440, List.of(
                new Line(60, 80, 540, 120, 1), new Line(120, 380, 420, 40, 1),
                new Circle(430, 300, 70, 1), new Arc(180, 250, 90, 100, 250, 1)), 2.5, 7).png());
        String id = api.submitFiles("vectorization", "{}", upload);
        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(90));
        assertEquals("succeeded", job.get("state").asText(), job::toString);

        browser.open(ferry.url() + "/#/jobs/" + id);
        browser.awaitText(".viewer .primitive-count", "2 lines · 1 circle · 1 arc on 1 page");
        WebElement drawing = browser.find(".viewer .vector-on-top");
        browser.await(d -> loaded(drawing) && browser.all(".viewer .vector-side-by-side img").stream().allMatch(this::loaded));
        assertTrue(drawing.getAttribute("src").endsWith("0001-plate_3.svg"), "the SVG is shown as an image: " + drawing.getAttribute("src"));

        WebElement opacity = browser.find(".viewer input[type='range']");
        browser.driver().executeScript("arguments[0].value = 0.3;"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", opacity);
        assertEquals("0.3", browser.await(d -> "0.3".equals(drawing.getCssValue("opacity")) ? "0.3" : null));
        browser.assertNoConsoleErrors();
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(".viewer"));
        browser.screenshot("vectorization.png");
    }

    private boolean loaded(WebElement img) {
        return Boolean.TRUE.equals(browser.driver().executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
    }
}
