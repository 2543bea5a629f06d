package dev.ferry.demos.similarity;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestDemos;
import dev.ferry.testkit.TestDemoContext;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Crops as the images compared: two pages with the same drawing at known places among other pictures. */
class SimilarityCropsTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestDemos demos = new TestDemos(new SimilarityDemoFactory(), () -> dir.resolve("data"));

    @Test
    void theCropsAreTheImagesAndTheDrawingsCropsAreMatchedToEachOther() throws Exception {
        List<Map<String, Object>> crops = List.of(
                Map.of("input", 1, "image", "one.png", "box", CroppedPages.DRAWING_ON_ONE, "id", "drawing-1"),
                Map.of("input", 1, "image", "one.png", "box", CroppedPages.PHOTO_ON_ONE, "id", "photo-1"),
                Map.of("input", 2, "image", "p2.png", "box", CroppedPages.OTHER_ON_TWO),
                Map.of("input", 2, "image", "two.zip!/scans/p2.png", "box", CroppedPages.DRAWING_ON_TWO, "id", "drawing-2"));
        TestDemoContext ctx = TestDemoContext.of(demos.demo(), Map.of("crops", crops, "topk", 1),
                List.of(pageOne(), pageTwo()), dir);

        JsonNode result = demos.demo().run(ctx);

        assertEquals(4, result.get("images").asInt(), "the crops, not the pages: " + result);
        JsonNode report = Json.MAPPER.readTree(ctx.outputDir().resolve("pairs.json").toFile());
        JsonNode images = report.at("/index/images");
        assertEquals(List.of("drawing-1", "photo-1", "crop-3", "drawing-2"), texts(images, "id"),
                "each crop by its id, crop-<n> when it has none");
        assertEquals(List.of("one.png", "one.png", "two.zip!/scans/p2.png", "two.zip!/scans/p2.png"),
                texts(images, "source"), "each crop's page");
        assertEquals(CroppedPages.DRAWING_ON_TWO, Json.MAPPER.convertValue(images.get(3).get("box"), List.class));
        assertTrue(images.get(0).get("width").asInt() <= 201 && images.get(0).get("width").asInt() >= 200, images.toString());
        JsonNode best = report.at("/named_pairs/0");
        assertEquals("drawing-1 drawing-2", best.get("id_i").asText() + " " + best.get("id_j").asText(), report.toString());
        assertEquals("two.zip!/scans/p2.png", best.get("source_j").asText());
        report.get("named_pairs").forEach(p -> assertTrue(p == best || p.get("score").asDouble() < best.get("score").asDouble(),
                "the drawings' pair is the best: " + report.get("named_pairs")));

        BufferedImage picture = ImageIO.read(ctx.outputDir().resolve(best.get("picture").asText()).toFile());
        assertEquals(images.get(0).get("width").asInt() + images.get(3).get("width").asInt(), picture.getWidth(),
                "the crops side by side, not their pages");
        JsonNode topk = Json.MAPPER.readTree(ctx.outputDir().resolve("topk.json").toFile());
        assertEquals("drawing-2", topk.get(0).at("/top/0/id").asText(), topk.toString());
    }

    @Test
    void aCropNamingNoPageIsLeftOutWithAWarningAndOneNamingTwoPagesFailsTheJob() throws Exception {
        Path zip = Files.write(dir.resolve("pages.zip"), CroppedPages.zip(Map.of("a/p.png", CroppedPages.drawingAlone(400, 400, 5),
                "b/p.png", CroppedPages.drawingAlone(400, 400, 6))));
        List<Map<String, Object>> missing = List.of(
                Map.of("input", 1, "image", "a/p.png", "box", List.of(0, 0, 0.5, 0.5), "id", "here"),
                Map.of("input", 1, "image", "a/p.png", "box", List.of(0.5, 0.5, 1, 1), "id", "also-here"),
                Map.of("input", 1, "image", "c/p.png", "box", List.of(0, 0, 1, 1), "id", "nowhere"));
        TestDemoContext ctx = TestDemoContext.of(demos.demo(), Map.of("crops", missing), List.of(zip), dir);

        JsonNode result = demos.demo().run(ctx);

        assertEquals(2, result.get("images").asInt(), result.toString());
        assertEquals("crop 'nowhere' names image 'c/p.png', which is no page of input 1 (pages.zip); left out",
                result.at("/warnings/0").asText(), result.toString());

        List<Map<String, Object>> ambiguous = List.of(Map.of("input", 1, "image", "p.png", "box", List.of(0, 0, 1, 1)));
        DemoFailure e = assertThrows(DemoFailure.class, () -> demos.demo().run(
                TestDemoContext.of(demos.demo(), Map.of("crops", ambiguous), List.of(zip), dir.resolve("again"))));
        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().contains("crop 'crop-1' names image 'p.png', which is two pages of input 1:"
                + " pages.zip!/a/p.png and pages.zip!/b/p.png"), e.getMessage());
    }

    @Test
    void malformedCropsAreRefusedAtSubmitNamingTheCrop() {
        assertEquals("crops[0]: box must be [x1, y1, x2, y2], fractions of the page's width and height with"
                + " 0 <= x1 < x2 <= 1 and 0 <= y1 < y2 <= 1; got [0.5, 0, 0.4, 1]",
                refusal(Map.of("input", 1, "image", "a.png", "box", List.of(0.5, 0, 0.4, 1))));
        assertTrue(refusal(Map.of("input", 1, "image", "a.png", "box", List.of(0, 0, 1.2, 1))).startsWith("crops[0]: box must"));
        assertTrue(refusal(Map.of("input", 1, "image", "a.png", "box", List.of(0, 0, 1))).startsWith("crops[0]: box must"));
        assertTrue(refusal(Map.of("input", 0, "image", "a.png", "box", List.of(0, 0, 1, 1)))
                .startsWith("crops[0]: input must be the number of the input"));
        assertTrue(refusal(Map.of("input", 1, "box", List.of(0, 0, 1, 1))).startsWith("crops[0]: image must name the page"));
        assertEquals("crops[0]: unknown field 'x1'; a crop has input, image, box and id",
                refusal(Map.of("input", 1, "image", "a.png", "x1", 0)));
        Map<String, Object> twice = Map.of("input", 1, "image", "a.png", "box", List.of(0, 0, 1, 1), "id", "same");
        InvalidParamException duplicate = assertThrows(InvalidParamException.class, () -> demos.demo().checkReady(
                demos.demo().params().validate(Map.of("crops", List.of(twice, twice)))));
        assertEquals("crops[1]: id 'same' is given to two crops; each crop needs its own", duplicate.getMessage());
    }

    @Test
    void aCropOnAnInputTheJobDoesNotHaveIsRefused() throws Exception {
        List<Map<String, Object>> crops = List.of(Map.of("input", 3, "image", "one.png", "box", List.of(0, 0, 1, 1)));
        TestDemoContext ctx = TestDemoContext.of(demos.demo(), Map.of("crops", crops), List.of(pageOne(), pageTwo()), dir);

        InvalidParamException e = assertThrows(InvalidParamException.class, () -> demos.demo().run(ctx));

        assertEquals("crop 'crop-1' is on input 3 but the job has 2 inputs", e.getMessage());
    }

    private String refusal(Map<String, Object> crop) {
        InvalidParamException e = assertThrows(InvalidParamException.class, () -> demos.demo().checkReady(
                demos.demo().params().validate(Map.of("crops", List.of(crop)))));
        assertEquals("crops", e.field());
        return e.getMessage();
    }

    private Path pageOne() throws IOException {
        return Files.write(dir.resolve("one.png"), CroppedPages.pageOne());
    }

    private Path pageTwo() throws IOException {
        return Files.write(dir.resolve("two.zip"), CroppedPages.pageTwoZip());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.path(field).asText()));
        return texts;
    }
}
