package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.app.support.ShapeZips;
import dev.ferry.core.json.Json;
import dev.ferry.demos.clustering.ShapeSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clustering job's page in a real headless Chromium: every cluster of clusters.json with its
 * size and members, a big cluster shown in full on request, and the loss plot drawn from the
 * report's numbers; and the same page readable on a phone.
 */
class ClusteringViewerBrowserTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final int FIRST_MEMBERS = 24;

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("clustering");
    @RegisterExtension
    static final Browser browser = new Browser();
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;
    static String id;
    static JsonNode report;

    /** Three shapes, 28 of each: every cluster is bigger than what the viewer shows at first. */
    @BeforeAll
    static void clusterShapes() throws Exception {
        List<ShapeSet.Sample> shapes = ShapeSet.generate(3, 28, 64, ShapeSet.Variation.STRONG, 5);
        Path zip = ShapeZips.write(files.resolve("shapes.zip"), shapes);
        id = api.submitFiles("clustering", "{\"n_prototypes\": 3, \"iterations\": 5}", zip);
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);
        assertEquals("succeeded", job.get("state").asText(), job::toString);
        report = Json.MAPPER.readTree(api.file(id, job.at("/result/report").asText()));
    }

    @Test
    void everyClusterIsShownWithItsSizeAndMembersAndTheLossIsPlotted() {
        browser.open(ferry.url() + "/#/jobs/" + id);
        browser.await(d -> d.findElements(By.cssSelector("section.cluster")).size() == report.get("clusters").size());

        for (JsonNode cluster : report.get("clusters")) {
            int size = cluster.get("size").asInt();
            WebElement section = browser.find("section.cluster[data-cluster='" + cluster.get("cluster").asInt() + "']");
            assertEquals(size + " members", section.findElement(By.cssSelector(".cluster-size")).getText().split(" · ")[0]);
            assertEquals(cluster.get("members").size(), size);
            assertEquals(Math.min(size, FIRST_MEMBERS), section.findElements(By.cssSelector("li.member")).size());
        }
        assertEquals(report.get("clusters").size(), browser.all(".prototypes button.prototype").size());
        WebElement plot = browser.find("svg.loss-plot");
        assertEquals(report.get("loss").size(), plot.findElements(By.cssSelector("circle.loss-point")).size());
        browser.await(d -> (Boolean) browser.driver().executeScript(
                "const img = document.querySelector('li.member img'); img.scrollIntoView();"
                        + " return img.complete && img.naturalWidth === 64;"));

        JsonNode first = report.get("clusters").get(0);
        WebElement section = browser.find("section.cluster[data-cluster='" + first.get("cluster").asInt() + "']");
        browser.driver().executeScript("window.scrollTo(0, 0)");
        browser.screenshot("clustering.png");
        section.findElement(By.cssSelector("button.show-all")).click();
        browser.await(d -> section.findElements(By.cssSelector("li.member")).size() == first.get("size").asInt());
        browser.assertNoConsoleErrors();
    }

    @Test
    void onAPhoneTheViewerIsNoWiderThanTheScreen() throws Exception {
        ChromeDriver phone = Browser.start("360,800");
        try {
            phone.get(ferry.url() + "/#/jobs/" + id);
            new WebDriverWait(phone, Duration.ofSeconds(90)).until(d ->
                    d.findElements(By.cssSelector("section.cluster")).size() == report.get("clusters").size());
            long overflow = (Long) phone.executeScript(
                    "const viewer = document.querySelector('section.viewer'); return viewer.scrollWidth - viewer.clientWidth;");
            assertEquals(0, overflow, "nothing in the viewer sticks out sideways at 360 px");
            assertTrue((Boolean) phone.executeScript("return document.querySelector('svg.loss-plot')"
                    + ".getBoundingClientRect().right <= document.documentElement.clientWidth;"), "the loss plot fits");
            Files.write(Files.createDirectories(Path.of("target", "screenshots")).resolve("clustering-360.png"),
                    phone.getScreenshotAs(OutputType.BYTES));
        } finally {
            phone.quit();
        }
    }
}
