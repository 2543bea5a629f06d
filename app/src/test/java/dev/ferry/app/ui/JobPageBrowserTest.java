package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.testkit.WebhookReceiver;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A job's own page in a real headless Chromium: it follows the job live, across a reload, and cancels it. */
class JobPageBrowserTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("noop").set("FERRY_ALLOW_PRIVATE_URLS", true);
    @RegisterExtension
    static final Browser browser = new Browser();
    static final ApiCalls api = ferry.api();

    @Test
    void aRunningJobIsCancelledFromItsPage() {
        String id = api.submitJson("noop", "{\"params\":{\"sleep_ms\":600000}}");
        browser.open(ferry.url() + "/#/jobs/" + id);
        browser.awaitText("#job-state", "running");
        browser.find("#cancel").click();

        browser.awaitText("#job-state", "cancelled");
        assertEquals("cancelled", job(id).get("state").asText());
        assertTrue(browser.awaitText("#job-error", "Cancelled").isDisplayed());
        assertTrue(!browser.find("#cancel").isDisplayed(), "a finished job cannot be cancelled");
        browser.assertNoConsoleErrors();
        browser.screenshot("job-cancelled.png");
    }

    @Test
    void aReloadedPageFollowsTheSameJobToItsEnd() {
        String id = api.submitJson("noop", "{\"params\":{\"sleep_ms\":3000}}");
        browser.open(ferry.url() + "/#/jobs/" + id);
        browser.awaitText("#job-state", "running");

        browser.driver().navigate().refresh();
        browser.awaitText("#job-state", "succeeded");
        assertTrue(Browser.text(browser.find("#job-message")).contains("10 of 10"));
        JsonNode job = job(id);
        assertEquals("succeeded", job.get("state").asText());
        assertEquals(1, job.get("attempts").asInt(), "the reload neither restarted nor resubmitted the job");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aJobWaitingInAPausedQueueShowsItsPlaceAndRunsOnResume() {
        assertEquals(200, api.postJson("/api/v1/demos/noop/pause", "{}").status());
        try {
            String first = api.submitJson("noop", "{}");
            String second = api.submitJson("noop", "{}");
            browser.open(ferry.url() + "/#/jobs/" + second);
            browser.awaitText("#job-queue", "Number 2 in the queue.");
            assertTrue(Browser.text(browser.find("#job-queue")).contains("it starts when one does"),
                    "a paused queue promises no time: " + Browser.text(browser.find("#job-queue")));
            browser.screenshot("job-queued.png");
            assertEquals("queued", job(first).get("state").asText(), "nothing runs while the queue is paused");
        } finally {
            assertEquals(200, api.postJson("/api/v1/demos/noop/resume", "{}").status());
        }
        browser.awaitText("#job-state", "succeeded");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aJobsWebhookIsShownWithItsEvents() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = api.submitJson("noop", "{\"webhook\": {\"url\": \"" + receiver.url() + "\", \"events\": [\"completed\"]}}");
            browser.open(ferry.url() + "/#/jobs/" + id);
            browser.awaitText("#job-state", "succeeded");
            browser.awaitText(".facts", receiver.url() + " (completed)");
            browser.assertNoConsoleErrors();
        }
    }

    private static JsonNode job(String id) {
        return api.get("/api/v1/jobs/" + id).json();
    }
}
