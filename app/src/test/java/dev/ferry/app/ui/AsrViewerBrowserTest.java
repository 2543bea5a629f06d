package dev.ferry.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.AsrModelsForTests;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.json.Json;
import dev.ferry.demos.asr.SyntheticSpeech;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An asr job's page in a real headless Chromium: the transcript's words and the segments as
 * transcript.json and segments.json hold them, the captions to download; and once a player of
 * the recording is attached, a click on a word seeks it there and marks the word.
 */
class AsrViewerBrowserTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("asr").beforeStart(AsrViewerBrowserTest::installModels);
    @RegisterExtension
    static final Browser browser = new Browser();
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;
    static Path wav;
    static String id;
    static JsonNode transcript;

    private static void installModels(FerryConfig config) throws Exception {
        AsrModelsForTests.install(config, files);
    }

    @BeforeAll
    static void transcribe() throws Exception {
        wav = SyntheticSpeech.create().silence(0.5).say("Good morning, everybody.").silence(2.0)
                .say("The meeting starts at nine.").silence(0.5).writeWav(files.resolve("meeting.wav"));
        id = api.submitFiles("asr", "{}", wav);
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);
        assertEquals("succeeded", job.get("state").asText(), job::toString);
        transcript = Json.MAPPER.readTree(api.file(id, job.at("/result/transcript").asText()));
    }

    @Test
    void theTranscriptsWordsAndSegmentsAreShownWithTheCaptionsToDownload() {
        browser.open(ferry.url() + "/#/jobs/" + id);
        browser.find(".transcript button.word");

        List<String> words = new ArrayList<>();
        transcript.get("results").forEach(r -> r.at("/alternatives/0/words").forEach(w -> words.add(w.get("word").asText())));
        assertEquals(List.of("hello", "world", "hello", "world"), words, transcript::toString);
        assertEquals(words, browser.all(".transcript button.word").stream().map(WebElement::getText).toList());
        assertEquals(transcript.get("results").size(), browser.all(".segments button.segment").size());
        assertEquals(List.of("transcript.srt", "transcript.vtt", "transcript.json"),
                browser.all(".downloads a[download]").stream().map(a -> a.getAttribute("download")).toList());
        assertTrue(browser.all(".no-player").isEmpty(), "the recording the job was given is played");
        browser.assertNoConsoleErrors();
        browser.screenshot("asr.png");
    }

    @Test
    void aClickOnAWordSeeksThePlayerThereAndMarksTheWord() {
        browser.open(ferry.url() + "/#/jobs/" + id);
        browser.find(".transcript button.word");
        // The player plays the recording the job was given, fetched from /api/v1/jobs/{id}/inputs.
        browser.await(d -> (Boolean) browser.driver().executeScript(
                "const a = document.querySelector('audio.player'); return a !== null && a.readyState >= 1;"));
        JsonNode third = transcript.at("/results/1/alternatives/0/words/0");
        double start = Double.parseDouble(third.get("startTime").asText().replace("s", ""));

        WebElement word = browser.await(d -> {
            WebElement w = browser.all(".transcript button.word").get(2);
            return w.isEnabled() ? w : null;
        });
        word.click();

        browser.await(d -> "true".equals(word.getAttribute("aria-current")));
        double at = ((Number) browser.driver().executeScript("return document.querySelector('audio.player').currentTime")).doubleValue();
        assertEquals(start, at, 0.01);
        assertEquals(1, browser.all(".transcript button.word.current").size());
        browser.assertNoConsoleErrors();
        browser.screenshot("asr-seek.png");
    }
}
