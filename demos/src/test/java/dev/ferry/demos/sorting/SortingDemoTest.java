package dev.ferry.demos.sorting;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.json.Json;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end on generated photos: a detector whose boxes are known (the same on every
 * photo, as if the arm had barely turned between them), and a feature extractor whose vectors
 * are the crops' mean colours, so red and blue items are two groups ({@link SortingTestModels}). The expected pulse widths
 * were worked out by hand with SorterBot's formula (see {@link PolarConversionTest}).
 */
class SortingDemoTest {
    private static final double EPS = 1e-6;

    @RegisterExtension
    static final TestInference models = new TestInference(new ModelCatalog(List.of()), new InferenceSettings(1, "all", 4));
    static DemoServices services;

    @TempDir
    Path dir;

    @BeforeAll
    static void install() throws Exception {
        SortingTestModels.install(models.store);
        SortingTestModels.installDetector(models.store, "items_only", new float[][] {SortingTestModels.OBJECTS[0]},
                SortingTestModels.LABELS);
        SortingTestModels.installDetector(models.store, "figures", SortingTestModels.OBJECTS, List.of("figure", "table"));
        services = models.services(TestConfig.in(models.folder).build());
    }

    @Test
    void eachItemGoesToTheContainerOfItsColourGroupSeenOnceFromTwoNeighbouringPhotos() throws Exception {
        TestDemoContext ctx = run(Map.of(), photo("1500.png"), photo("1505.png"));
        JsonNode result = new SortingDemo(services).run(ctx);

        // Each object is seen on both photos, 5 pulse widths apart: merged at the mean of 1500 and 1505.
        assertEquals(4, result.get("items").asInt());
        assertEquals(2, result.get("containers").asInt());
        double[] a = {1578.2932082189118, 1736.0454578083293};
        double[] b = {1525.3425765794311, 1720.3119645304378};
        double[] c = {1472.054043004417, 1721.5260863307947};
        double[] d = {1419.2150973951384, 1739.6609732396537};
        double[] e = {1557.6095445381668, 1332.5408816197405};
        double[] f = {1447.3904554618332, 1332.5408816197405};
        // red A and C to the first container seen (E), blue B and D to F
        assertCommands(List.of(List.of(a, e), List.of(b, f), List.of(c, e), List.of(d, f)), result.get("commands"));
        JsonNode file = Json.MAPPER.readTree(ctx.outputDir().resolve("commands.json").toFile());
        assertEquals(result.get("commands"), file, "commands.json holds exactly what the arm is sent");
        String report = Files.readString(ctx.outputDir().resolve("report.md"));
        assertTrue(report.contains("| 1 | 1578.3, 1736.0 | 1 | 1500, 1505 |"), report);
        JsonNode details = Json.MAPPER.readTree(ctx.outputDir().resolve("sorting.json").toFile());
        assertEquals(1, details.at("/items/1/container").asInt());
        assertEquals(1400.0, details.at("/arm/rotation_range_as_pw").asDouble());
    }

    @Test
    void theArmsConstantsAreParameters() throws Exception {
        JsonNode result = new SortingDemo(services).run(run(Map.of("arm_radius", 1200, "rotation_range_as_deg", 180,
                "rotation_range_as_pw", 2000, "dist_min_as_pw", 1000, "dist_max_as_pw", 1800), photo("900.png")));
        // E on a 640 × 640 photo at 900: a = 120, b = -160 with the other arm's formula, by hand
        double gamma = Math.atan(120.0 / (-160 + 1200));
        double s0 = 900 + 2000 * Math.toDegrees(gamma) / 180;
        double s1 = 800 * (120 / Math.sin(gamma) - (1200 - 320)) / 640 + 1000;
        assertEquals(s0, result.at("/commands/0/1/0").asDouble(), EPS);
        assertEquals(s1, result.at("/commands/0/1/1").asDouble(), EPS);
    }

    @Test
    void withoutAContainerThereAreNoCommandsAndAWarningSaysWhy() throws Exception {
        JsonNode result = new SortingDemo(services).run(run(Map.of("detector", "items_only"), photo("1500.png")));
        assertEquals(0, result.get("commands").size());
        assertTrue(result.get("warnings").get(0).asText().contains("no container"), result.toString());
    }

    @Test
    void aPhotoNotNamedByAPulseWidthIsBadInput() throws Exception {
        DemoFailure e = assertThrows(DemoFailure.class,
                () -> new SortingDemo(services).run(run(Map.of(), photo("1500.png"), photo("left.png"))));
        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().contains("left.png"), e.getMessage());
    }

    @Test
    void aDetectorWithoutItemAndContainerLabelsIsRefused() throws Exception {
        DemoFailure e = assertThrows(DemoFailure.class,
                () -> new SortingDemo(services).run(run(Map.of("detector", "figures"), photo("1500.png"))));
        assertEquals("model_invalid", e.code());
    }

    @Test
    void stitchJoinsOverlappingPhotosIntoOnePanorama() throws Exception {
        Mat scene = scene(900, 400);
        Path left = crop(scene, 0, "1000.png");
        Path right = crop(scene, 300, "1400.png");
        TestDemoContext ctx = run(Map.of("mode", "stitch"), left, right);
        JsonNode result = new SortingDemo(services).run(ctx);
        assertTrue(Files.size(ctx.outputDir().resolve("panorama.jpg")) > 0);
        int width = result.get("width").asInt();
        assertTrue(width > 800 && width < 1000, "two 600-pixel views of a 900-pixel scene: " + result);
    }

    @Test
    void stitchNeedsTwoPhotos() throws Exception {
        DemoFailure e = assertThrows(DemoFailure.class,
                () -> new SortingDemo(services).run(run(Map.of("mode", "stitch"), photo("1500.png"))));
        assertEquals("bad_input", e.code());
    }

    private TestDemoContext run(Map<String, ?> params, Path... photos) {
        return TestDemoContext.of(new SortingDemo(services), params, List.of(photos), dir.resolve("job-" + System.nanoTime()));
    }

    private Path photo(String name) {
        return SortingTestModels.photo(dir.resolve(name));
    }

    /** A table strewn with shapes of many colours: plenty of features for the stitcher to match. */
    private static Mat scene(int width, int height) {
        Mat scene = new Mat(height, width, opencv_core.CV_8UC3, Scalar.all(200));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 400; i++) {
            Scalar colour = new Scalar(random.nextInt(256), random.nextInt(256), random.nextInt(256), 0);
            try (Point centre = new Point(random.nextInt(width), random.nextInt(height))) {
                circle(scene, centre, 3 + random.nextInt(12), colour, FILLED, 8, 0);
            }
        }
        return scene;
    }

    private Path crop(Mat scene, int x, String name) {
        Path file = dir.resolve(name);
        try (Rect where = new Rect(x, 0, 600, scene.rows()); Mat view = new Mat(scene, where)) {
            imwrite(file.toString(), view);
        }
        return file;
    }

    private static void assertCommands(List<List<double[]>> expected, JsonNode commands) {
        assertEquals(expected.size(), commands.size(), commands.toString());
        for (int i = 0; i < expected.size(); i++) {
            for (int end = 0; end < 2; end++) {
                for (int s = 0; s < 2; s++) {
                    assertEquals(expected.get(i).get(end)[s], commands.get(i).get(end).get(s).asDouble(), EPS,
                            "command " + i + " " + (end == 0 ? "item" : "container") + " s" + s + ": " + commands);
                }
            }
        }
    }
}
