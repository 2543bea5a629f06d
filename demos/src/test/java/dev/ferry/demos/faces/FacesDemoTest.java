package dev.ferry.demos.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestPhotos;
import dev.ferry.testkit.TestModels;
import dev.ferry.testkit.TestDemoContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faces demo as a worker runs it (built by its factory from the process's services and
 * settings), on real photographs, through the real media, detection and
 * ONNX Runtime code.
 */
class FacesDemoTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestDemos demos = new TestDemos(new FacesDemoFactory(), () -> dir.resolve("data"));

    @Test
    void findsTheFacesInRealPhotographsAndSaysEmotionsNeedAModel() throws Exception {
        TestDemoContext context = context(Map.of(), List.of(
                TestPhotos.docs("face_swapped.jpg"), TestPhotos.data("messi5.jpg"), TestPhotos.docs("facereg.jpg")));

        JsonNode result = demos.demo().run(context);

        assertEquals(3, result.get("pages").asInt());
        assertEquals(6, result.get("faces").asInt(), result.toString());
        assertTrue(result.get("note").asText().startsWith("faces only, without emotions: model 'emotion' of demo 'faces'"
                + " is not installed; run `ferry models pull faces emotion`"), result.toString());
        JsonNode report = report(context);
        JsonNode pages = report.get("pages");
        assertOneFaceAround(pages.get(0), new FaceBox(100, 50, 140, 170));  // the portrait
        assertOneFaceAround(pages.get(1), new FaceBox(215, 80, 50, 50));    // the footballer, small in a wide shot
        JsonNode grid = pages.get(2).get("faces");                           // four portraits in a 2 × 2 grid
        assertEquals(4, grid.size());
        List<String> quadrants = new ArrayList<>();
        for (JsonNode face : grid) {
            JsonNode box = face.get("box");
            quadrants.add((box.get("y").asInt() + box.get("height").asInt() / 2 < 100 ? "top" : "bottom") + "-"
                    + (box.get("x").asInt() + box.get("width").asInt() / 2 < 100 ? "left" : "right"));
        }
        assertEquals(List.of("top-left", "top-right", "bottom-left", "bottom-right"),
                quadrants.stream().sorted((a, b) -> order(a) - order(b)).toList());
        assertFalse(grid.get(0).has("emotions") && grid.get(0).get("emotions").size() > 0);
        assertFalse(report.has("emotion_model"));
        for (JsonNode page : pages) {
            Path annotated = context.outputDir().resolve(page.get("annotated").asText());
            assertEquals(page.get("width").asInt(), ImageIO.read(annotated.toFile()).getWidth(), annotated.toString());
        }
    }

    @Test
    void pagesWithoutFacesAreANormalResult() throws Exception {
        Path text = Files.write(dir.resolve("page.png"), TestImages.textPage(900, 1200));
        TestDemoContext context = context(Map.of(), List.of(TestPhotos.data("gradient.png"), text));

        JsonNode result = demos.demo().run(context);

        assertEquals(2, result.get("pages").asInt());
        assertEquals(0, result.get("faces").asInt());
        for (JsonNode page : report(context).get("pages")) {
            assertEquals(0, page.get("faces").size(), page.toString());
        }
    }

    @Test
    void withAnEmotionModelEachFaceGetsSortedEmotionsAndADominantOne() throws Exception {
        // installed in the job's data folder as `ferry models install faces ferplus --from <file>` does
        new ModelStore(dir.resolve("data"), ModelCatalog.builtIn()).install(EmotionClassifierTest.FERPLUS, Files.write(
                dir.resolve("ferplus.onnx"), TestGraphs.emotion("Input3", EmotionClassifierTest.W, EmotionClassifierTest.B, false)));
        // FER+ is no longer the default emotion model, but stays selectable by its name
        TestDemoContext context = context(Map.of("model", "ferplus"), List.of(TestPhotos.docs("face_swapped.jpg")));

        JsonNode result = demos.demo().run(context);

        assertEquals("ferplus", result.get("emotion_model").asText());
        assertFalse(result.has("note"));
        JsonNode face = report(context).get("pages").get(0).get("faces").get(0);
        JsonNode emotions = face.get("emotions");
        assertEquals(8, emotions.size());
        double sum = 0;
        double previous = 1;
        for (JsonNode e : emotions) {
            assertTrue(EmotionClassifier.FER_PLUS_LABELS.contains(e.get("label").asText()));
            assertTrue(e.get("confidence").asDouble() <= previous);
            previous = e.get("confidence").asDouble();
            sum += previous;
        }
        assertEquals(1.0, sum, 1e-5);
        assertEquals(emotions.get(0), face.get("dominant_emotion"));
    }

    @Test
    void withBlazeFaceInstalledFacesComeWithScoresAndKeypointsAndHaarStaysSelectable() throws Exception {
        // installed in the job's data folder as `ferry models pull faces blazeface` does
        new ModelStore(dir.resolve("data"), ModelCatalog.builtIn())
                .install(new ModelRef(FacesDemo.NAME, "blazeface"), TestModels.blazeFaceFront());
        TestDemoContext auto = context(Map.of(), List.of(TestPhotos.docs("facereg.jpg")));

        assertEquals(4, demos.demo().run(auto).get("faces").asInt());

        JsonNode report = report(auto);
        assertEquals("blazeface", report.get("detector").asText());
        for (JsonNode face : report.get("pages").get(0).get("faces")) {
            assertTrue(face.get("confidence").asDouble() >= 0.75, face.toString());
            assertEquals(6, face.get("keypoints").size(), face.toString());
            assertEquals("right_eye", face.get("keypoints").get(0).get("name").asText());
        }
        TestDemoContext haar = context(Map.of("detector", "haar"), List.of(TestPhotos.docs("facereg.jpg")));
        assertEquals(4, demos.demo().run(haar).get("faces").asInt());
        assertEquals("opencv_haar_frontalface", report(haar).get("detector").asText());
        assertFalse(report(haar).get("pages").get(0).get("faces").get(0).has("keypoints"));
    }

    @Test
    void aNamedDetectorModelThatIsNotInstalledIsRefusedWithItsInstallCommand() {
        DemoFailure missing = assertThrows(DemoFailure.class,
                () -> demos.demo().checkReady(Map.of("model", FacesDemo.DEFAULT_MODEL, "detector", "blazeface_back")));
        assertEquals("model_missing", missing.code());
        assertTrue(missing.getMessage().contains("ferry models pull faces blazeface_back"), missing.getMessage());
        demos.demo().checkReady(Map.of("model", FacesDemo.DEFAULT_MODEL, "detector", "auto"));
        demos.demo().checkReady(Map.of("model", FacesDemo.DEFAULT_MODEL, "detector", "haar"));
    }

    @Test
    void aBadPageIsReportedAndTheOthersStillCount() throws Exception {
        byte[] photo = Files.readAllBytes(TestPhotos.docs("face_swapped.jpg"));
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(photo, photo.length / 2));
        Path bomb = Files.write(dir.resolve("huge.png"), TestImages.pngHeader(100_000, 100_000));
        TestDemoContext context = context(Map.of(), List.of(cut, TestPhotos.docs("face_swapped.jpg"), bomb));

        JsonNode result = demos.demo().run(context);

        assertEquals(1, result.get("pages").asInt());
        assertEquals(2, result.get("pages_failed").asInt());
        JsonNode failed = report(context).get("failed_pages");
        assertEquals("truncated", failed.get(0).get("code").asText());
        assertEquals("cut.jpg", failed.get(0).get("source").asText());
        assertEquals("too_many_pixels", failed.get(1).get("code").asText());
        assertEquals(3, failed.get(1).get("page").asInt());
    }

    @Test
    void aJobWithNoReadablePageFailsWithTheReasons() throws Exception {
        Path words = Files.write(dir.resolve("photo.jpg"), "not a photo".getBytes());
        TestDemoContext context = context(Map.of(), List.of(words));

        DemoFailure failure = assertThrows(DemoFailure.class, () -> demos.demo().run(context));

        assertEquals("bad_input", failure.code());
        assertFalse(failure.retryable());
        assertTrue(failure.getMessage().startsWith("no page could be processed: [photo.jpg: photo.jpg is not an image"),
                failure.getMessage());
    }

    @Test
    void parametersAreValidatedAndAMissingNamedModelSaysHowToInstallIt() throws Exception {
        assertThrows(RuntimeException.class, () -> demos.demo().params().validate(Map.of("scale_factor", 1.0)));
        assertThrows(RuntimeException.class, () -> demos.demo().params().validate(Map.of("min_face_size", 2)));
        JsonNode named = demos.demo().run(context(Map.of("model", "big"), List.of(TestPhotos.data("gradient.png"))));
        assertTrue(named.get("note").asText().contains("`ferry models install faces big --from <model.onnx> --contract"
                + " <model.json>`"), named.toString());
        DemoFailure badName = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of("model", "../../etc"),
                List.of(TestPhotos.data("gradient.png")))));
        assertEquals("bad_input", badName.code());
    }

    private TestDemoContext context(Map<String, ?> params, List<Path> files) {
        return TestDemoContext.inDataFolder(demos.config(), demos.demo(), params, files);
    }

    private static JsonNode report(TestDemoContext context) throws Exception {
        return Json.MAPPER.readTree(context.outputDir().resolve("faces.json").toFile());
    }

    private static void assertOneFaceAround(JsonNode page, FaceBox known) {
        JsonNode faces = page.get("faces");
        assertEquals(1, faces.size(), page.toString());
        JsonNode b = faces.get(0).get("box");
        FaceBox found = new FaceBox(b.get("x").asInt(), b.get("y").asInt(), b.get("width").asInt(), b.get("height").asInt());
        assertTrue(found.iou(known) > 0.3, found + " should overlap " + known);
        assertFalse(faces.get(0).has("confidence"), "the Haar cascade gives no confidence");
    }

    private static int order(String quadrant) {
        return List.of("top-left", "top-right", "bottom-left", "bottom-right").indexOf(quadrant);
    }
}
