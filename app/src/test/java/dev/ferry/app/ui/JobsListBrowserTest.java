package dev.ferry.app.ui;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.app.support.FerryForTests;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/** #/jobs in a real headless Chromium: new jobs are listed, the state filter and the search by id work. */
class JobsListBrowserTest {
    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("noop");
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void listsNewJobsFiltersByStateAndOpensAJobById() {
        List<String> done = List.of(finished("first"), finished("second"), finished("third"));
        String running = ferry.api().submitJson("noop", "{\"params\": {\"sleep_ms\": 600000}}");
        await().atMost(Duration.ofSeconds(90)).until(() -> state(running).equals("running"));
        String waiting = ferry.api().submitJson("noop", "{\"params\": {\"echo\": \"waits\"}}");

        browser.open(ferry.url() + "/#/jobs");
        browser.find("tr[data-id='" + waiting + "']");
        assertEquals(List.of(waiting, running, done.get(2), done.get(1), done.get(0)), listedIds(), "newest first");
        assertEquals("running", browser.find("tr[data-id='" + running + "']").getAttribute("data-state"));
        browser.screenshot("jobs.png");

        cancel(waiting);
        cancel(running);
        new Select(browser.find("#jobs-state")).selectByValue("cancelled");
        browser.await(d -> Set.copyOf(listedIds()).equals(Set.of(waiting, running)));
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/jobs?state=cancelled"), browser.driver().getCurrentUrl());

        search("noop-no-such-job");
        browser.awaitText(".job-search [role=status]", "No job has the id noop-no-such-job.");
        assertOnlyTheMissingJobWasLogged("/api/v1/jobs/noop-no-such-job");
        search(done.get(1));
        browser.await(d -> done.get(1).equals(textOf(".job-id code")));
        assertTrue(browser.driver().getCurrentUrl().endsWith("#/jobs/" + done.get(1)));
        browser.assertNoConsoleErrors();
    }

    private static String finished(String echo) {
        String id = ferry.api().submitJson("noop", "{\"params\": {\"echo\": \"" + echo + "\"}}");
        assertEquals("succeeded", ferry.api().awaitFinished(id, Duration.ofSeconds(90)).path("state").asText());
        return id;
    }

    private static String state(String id) {
        return ferry.api().get("/api/v1/jobs/" + id).json().path("state").asText();
    }

    private static void cancel(String id) {
        assertEquals(200, ferry.api().postJson("/api/v1/jobs/" + id + "/cancel", "{}").status());
        assertEquals("cancelled", ferry.api().awaitFinished(id, Duration.ofSeconds(90)).path("state").asText());
    }

    /**
     * Chromium logs every 404 answer as an error, the one a search for a missing job expects too;
     * anything else logged is a real error.
     */
    private static void assertOnlyTheMissingJobWasLogged(String path) {
        List<LogEntry> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertTrue(errors.stream().allMatch(e -> e.getMessage().contains(path + " - Failed to load resource: the server responded with a status of 404")),
                "console errors: " + errors);
    }

    /** The text through JavaScript: the page replaces its elements, which Selenium's handles would not survive. */
    static String textOf(String css) {
        return (String) browser.driver().executeScript("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
    }

    private static List<String> listedIds() {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) browser.driver().executeScript(
                "return [...document.querySelectorAll('table.jobs tbody tr[data-id]')].map(r => r.dataset.id);");
        return ids;
    }

    private static void search(String id) {
        WebElement input = browser.find("#job-id");
        input.clear();
        input.sendKeys(id);
        browser.find(".job-search button[type=submit]").click();
    }
}
