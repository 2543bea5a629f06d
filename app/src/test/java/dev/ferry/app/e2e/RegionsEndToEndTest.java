package dev.ferry.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.app.support.ApiCalls.Answer;
import dev.ferry.app.support.ApiCalls;
import dev.ferry.app.support.FerryForTests;
import dev.ferry.core.json.Json;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.detection.Box;
import dev.ferry.demos.regions.TextPages;
import dev.ferry.testkit.TestModels;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The regions demo through the whole platform, as `ferry up` runs it: the real PP-OCRv4 text
 * model installed offline into the data folder, a page image uploaded over HTTP, a worker
 * running it, and the boxes, crops and overlay downloaded again.
 */
class RegionsEndToEndTest {
    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final FerryForTests ferry = FerryForTests.serving("regions,faces").beforeStart(config ->
            ModelStore.of(config).install(new ModelRef("regions", "text_lines"), TestModels.ppOcrDetector()));
    static final ApiCalls api = ferry.api();
    @TempDir
    static Path files;

    @Test
    void aRenderedPageComesBackWithItsTextLinesCropsAndAnOverlay() throws Exception {
        TextPages.Rendered page = TextPages.render(1240, 1754, 28, 7);
        Path upload = Files.write(files.resolve("page one.png"), page.png());

        String id = api.submitFiles("regions", "{}", upload);
        JsonNode job = api.awaitFinished(id, JOB_TIMEOUT);

        assertEquals("succeeded", job.get("state").asText(), job::toString);
        JsonNode result = job.get("result");
        assertEquals("text_lines", result.get("model").asText());
        assertEquals(1, result.get("pages").asInt());
        JsonNode annotations = Json.MAPPER.readTree(api.file(id, result.get("annotations").asText()));
        JsonNode annotated = annotations.get("pages").get(0);
        assertEquals("page_one.png", annotated.get("source").asText());
        assertEquals(1240, annotated.get("width").asInt());
        assertEquals(1754, annotated.get("height").asInt());
        JsonNode regions = annotated.get("regions");
        assertEquals(result.get("regions").asInt(), regions.size());
        assertTrue(recall(page.lines(), regions) >= 0.9,
                "recall " + recall(page.lines(), regions) + " of " + page.lines().size() + " lines in " + regions.size() + " regions");

        JsonNode first = regions.get(0);
        assertEquals("text_line", first.get("label").asText());
        BufferedImage crop = image(api.file(id, first.get("crop").asText()));
        assertEquals(first.get("width").asInt(), crop.getWidth());
        assertEquals(first.get("height").asInt(), crop.getHeight());
        BufferedImage overlay = image(api.file(id, annotated.get("overlay").asText()));
        assertEquals(1240, overlay.getWidth());
        assertEquals(1754, overlay.getHeight());
    }

    @Test
    void theDemoListsItsModelAndRefusesAJobNamingOneThatIsNotInstalled() {
        JsonNode regions = demo("regions");
        // the demo lists its models by name: the OCR models (text_direction, text_recognition) come beside it
        JsonNode textLines = regions.get("models").get(1);
        assertEquals("text_lines", textLines.get("name").asText());
        assertEquals("db_text", textLines.get("task").asText());
        assertEquals("present", textLines.get("state").asText(), regions::toString);
        assertTrue(regions.get("accepts").toString().contains("application/json"), regions::toString);

        Answer refused = api.postJson("/api/v1/demos/regions/jobs",
                "{\"inputs\":[{\"url\":\"https://example.org/page.jpg\"}],\"params\":{\"model\":\"figures\"}}");
        assertEquals(400, refused.status(), refused::toString);
        assertEquals("model_missing", refused.errorCode());
        assertTrue(refused.json().at("/error/message").asText().contains("ferry models install regions figures"), refused::toString);

        JsonNode faces = StreamSupport.stream(demo("faces").get("models").spliterator(), false)
                .filter(m -> m.get("name").asText().equals("ferplus")).findFirst().orElseThrow();
        assertEquals("ferplus", faces.get("name").asText());
        assertEquals("missing", faces.get("state").asText(), "the emotion model is optional and not installed here");
    }

    @Test
    void aTruncatedImageFailsItsJobWithTheReasonAndTheNextJobRuns() throws Exception {
        byte[] png = TextPages.render(620, 877, 24, 3).png();
        Path cut = Files.write(files.resolve("cut.png"), Arrays.copyOf(png, png.length / 3));

        UnreadableInputs.assertFailedOnce(api.awaitFinished(api.submitFiles("regions", "{}", cut), JOB_TIMEOUT), "cut.png");

        Path whole = Files.write(files.resolve("whole.png"), png);
        JsonNode next = api.awaitFinished(api.submitFiles("regions", "{}", cut, whole), JOB_TIMEOUT);
        assertEquals("succeeded", next.get("state").asText(), next::toString);
        assertEquals(1, next.at("/result/pages").asInt());
        JsonNode failedPages = next.at("/result/failed_pages");
        assertEquals(1, failedPages.size(), next::toString);
        assertEquals("cut.png", failedPages.get(0).get("source").asText());
        assertTrue(next.at("/result/regions").asInt() > 0, next::toString);
    }

    private static JsonNode demo(String name) {
        for (JsonNode demo : api.get("/api/v1/demos").json().get("demos")) {
            if (demo.get("name").asText().equals(name)) {
                return demo;
            }
        }
        throw new AssertionError("no demo " + name);
    }

    /** Share of the rendered lines that a region overlaps at IoU 0.5 or more. */
    private static double recall(List<Box> lines, JsonNode regions) {
        long found = lines.stream().filter(line -> {
            for (JsonNode r : regions) {
                Box box = new Box(r.get("x").asInt(), r.get("y").asInt(), r.get("x").asInt() + r.get("width").asInt(),
                        r.get("y").asInt() + r.get("height").asInt());
                if (box.iou(line) >= 0.5) {
                    return true;
                }
            }
            return false;
        }).count();
        return (double) found / lines.size();
    }

    private static BufferedImage image(byte[] bytes) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        if (image == null) {
            throw new AssertionError("not an image: " + bytes.length + " bytes");
        }
        return image;
    }
}
