package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.testkit.TestPhotos;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/** A faces job's page in a real headless Chromium: the photo with every face boxed and the face count. */
class FacesViewerBrowserTest {
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("faces");
    @RegisterExtension
    static final Browser browser = new Browser();
    static final ApiCalls api = ferry.api();

    @Test
    void thePhotoShowsABoxOnEachFaceAndTheFaceCount() {
        String id = api.submitFiles("faces", "{}", TestPhotos.docs("facereg.jpg"));
        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(90));
        assertEquals(4, job.at("/result/faces").asInt(), job::toString);

        browser.open(ferry.url() + "/#/jobs/" + id);
        browser.awaitText(".viewer .face-count", "4 faces");
        WebElement photo = browser.find(".viewer .boxed-image img");
        browser.await(d -> photo.getSize().getWidth() > 0 && browser.all(".viewer .boxed-image .face-box").size() == 4);

        for (WebElement box : browser.all(".viewer .boxed-image .face-box")) {
            assertTrue(inside(box, photo), "a face box lies on the photo: " + box.getRect() + " " + photo.getRect());
        }
        assertEquals(4, browser.all(".viewer .face-list .face").size());
        assertTrue(browser.find(".viewer").getText().contains("ferry models pull faces"),
                "without an emotion model the note says how to install one");
        browser.assertNoConsoleErrors();
        browser.driver().executeScript("arguments[0].scrollIntoView()", browser.find(".viewer"));
        browser.screenshot("faces.png");
    }

    private static boolean inside(WebElement box, WebElement photo) {
        var b = box.getRect();
        var p = photo.getRect();
        return b.getWidth() > 10 && b.getX() >= p.getX() && b.getY() >= p.getY()
                && b.getX() + b.getWidth() <= p.getX() + p.getWidth() + 1
                && b.getY() + b.getHeight() <= p.getY() + p.getHeight() + 1;
    }
}
