package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.json.Json;
import dev.ferry.demos.matching.CopiedPictures;
import dev.ferry.demos.matching.Transposition;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A similarity job's page in a real headless Chromium, after a real job of the local-features
 * engine: a book whose line drawing was reprinted turned by a quarter, among a photo and
 * another drawing. The viewer shows that one pair, its picture, score and transposition, each
 * image's top k on request, and a job that found nothing says so with its warnings.
 */
class SimilarityViewerBrowserTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(180);
    /** A file name that would be markup if the viewer wrote it as HTML. */
    private static final String MARKUP_NAME = "1 <b>plate</b>.png";

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("similarity");
    @RegisterExtension
    static final Browser browser = new Browser();
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;
    static String found;
    static JsonNode report;
    static String nothing;

    @BeforeAll
    static void compareTwoBooksAndTwoStrangers() throws Exception {
        Path book = zip("book.zip", List.of(MARKUP_NAME, "2.png"),
                List.of(CopiedPictures.engraving(1, 300), CopiedPictures.photo(1, 2, 300)));
        Path reprint = zip("reprint.zip", List.of("1.png", "2.png"), List.of(CopiedPictures.engraving(9, 300),
                CopiedPictures.copy(CopiedPictures.engraving(1, 300), Transposition.ROT90, 4)));
        found = api.submitFiles("similarity", "{\"topk\": 3}", book, reprint);
        Path strangers = zip("strangers.zip", List.of("1.png", "2.png"),
                List.of(CopiedPictures.engraving(2, 300), CopiedPictures.engraving(3, 300)));
        nothing = api.submitFiles("similarity", "{\"rerank\": true}", strangers);
        JsonNode job = api.awaitFinished(found, JOB_TIMEOUT);
        assertEquals("succeeded", job.get("state").asText(), job::toString);
        report = Json.MAPPER.readTree(api.file(found, job.at("/result/report").asText()));
        JsonNode empty = api.awaitFinished(nothing, JOB_TIMEOUT);
        assertEquals("succeeded", empty.get("state").asText(), empty::toString);
    }

    @Test
    void theCopyIsShownAsTheOnePairWithItsPictureScoreAndTurn() {
        JsonNode pair = report.get("named_pairs").get(0);
        assertEquals(1, report.get("named_pairs").size(), report::toString);
        assertEquals(List.of(0, 3, "rot90"), List.of(pair.get("i").asInt(), pair.get("j").asInt(), pair.get("tr_i").asText()));

        browser.open(ferry.url() + "/#/jobs/" + found);
        WebElement card = browser.find("li.pair");
        assertEquals(1, browser.all("li.pair").size());
        assertEquals("0 3", card.getDomAttribute("data-i") + " " + card.getDomAttribute("data-j"));
        assertEquals(String.format(Locale.ROOT, "%.3f", pair.get("score").asDouble()),
                Browser.text(card.findElement(By.cssSelector(".pair-score"))));
        String turn = Browser.text(card.findElement(By.cssSelector(".pair-transposition")));
        assertTrue(turn.contains("turned 90° counter-clockwise (rot90) matches #3 reprint.zip!/2.png"), turn);
        String source = report.at("/index/images/0/source").asText();
        assertTrue(source.contains(MARKUP_NAME), source);
        assertTrue(Browser.text(card.findElement(By.cssSelector(".pair-images"))).contains(source), "the name as text");
        assertTrue(browser.all(".similarity-view b").isEmpty(), "no markup from a file name");
        browser.await(d -> (Boolean) browser.driver().executeScript(
                "const img = document.querySelector('li.pair img'); return img.complete && img.naturalWidth > 300;"));
        browser.await(d -> !browser.all(".neighbour img").isEmpty() && (Boolean) browser.driver().executeScript(
                "const img = document.querySelector('.neighbour img'); return img.complete && img.naturalWidth > 300;"));
        browser.driver().executeScript("document.querySelector('.similarity-view').scrollIntoView()");
        browser.screenshot("similarity.png");
        browser.assertNoConsoleErrors();
    }

    @Test
    void pickingTheReprintShowsTheBookAsItsBestMatchTurnedBack() {
        browser.open(ferry.url() + "/#/jobs/" + found);
        Select query = new Select(browser.find("select#similarity-query"));
        assertEquals(4, query.getOptions().size(), "every image of the job has its list");
        assertEquals("#0", query.getFirstSelectedOption().getText().split(" ")[0], "the first image with a match");

        query.selectByVisibleText("#3 reprint.zip!/2.png (1 match)");

        WebElement first = browser.await(d -> browser.all(".neighbour").stream()
                .filter(n -> "0".equals(n.getDomAttribute("data-image"))).findFirst().orElse(null));
        assertEquals(1, browser.all(".neighbour").size());
        assertTrue(Browser.text(first).contains("#3 reprint.zip!/2.png turned 90° clockwise (rot270)"), Browser.text(first));
        query.selectByVisibleText("#1 book.zip!/2.png (0 matches)");
        browser.awaitText(".neighbours", "No match for this image.");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aJobThatFoundNoPairSaysSoWithItsWarnings() {
        browser.open(ferry.url() + "/#/jobs/" + nothing);

        browser.awaitText(".no-pairs h2", "No pairs found");
        assertTrue(Browser.text(browser.find(".no-pairs")).contains("No two of the 2 images were found to be the same"));
        assertEquals("local · 2 images in 1 document · 0 pairs", String.join(" · ",
                List.of(Browser.text(browser.find(".similarity-summary")).split(" · ")).subList(0, 3)), "rerank does nothing with local");
        browser.awaitText(".similarity-view .warnings", "rerank has no effect with engine local");
        assertTrue(browser.all("li.pair").isEmpty() && browser.all(".topk-browser").isEmpty());
        browser.screenshot("similarity-empty.png");
        browser.assertNoConsoleErrors();
    }

    private static Path zip(String name, List<String> entries, List<Mat> images) throws IOException {
        Path zip = files.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            for (int i = 0; i < images.size(); i++) {
                zipped.putNextEntry(new ZipEntry(entries.get(i)));
                zipped.write(CopiedPictures.png(images.get(i)));
                zipped.closeEntry();
            }
        }
        return zip;
    }
}
