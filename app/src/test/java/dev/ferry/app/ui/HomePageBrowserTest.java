package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.support.FerryForTests;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** `/` in a real headless Chromium against a real Ferry: every demo is on the page. */
class HomePageBrowserTest {
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("noop,faces,regions");
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void everyDemoIsOnThePageWithItsModels() {
        browser.open(ferry.url() + "/");
        browser.await(d -> d.findElements(By.cssSelector("article.demo")).size() == 3);

        List<WebElement> cards = browser.all("article.demo");
        assertEquals(Set.of("noop", "faces", "regions"),
                cards.stream().map(c -> c.getAttribute("data-demo")).collect(Collectors.toSet()));
        WebElement regions = browser.find("article[data-demo='regions']");
        assertTrue(regions.getText().contains("ferry models pull regions text_lines"),
                "a missing model shows the command that installs it: " + regions.getText());
        assertEquals("3 demos", browser.find("#status").getText());
        assertFalse(browser.find("#key-form").isDisplayed(), "no key is asked for when none is needed");
        browser.assertNoConsoleErrors();
        browser.screenshot("home.png");
    }
}
