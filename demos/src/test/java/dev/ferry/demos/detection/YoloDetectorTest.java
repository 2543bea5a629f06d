package dev.ferry.demos.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.StageClock;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * YOLO outputs of both layouts, from graphs whose output is known, read through the same
 * detector as production models. The page is 1280×640, so the 640×640 letterbox scales by
 * 0.5 and pads 160 rows above: a model box (x1, y1, x2, y2) is (2·x1, 2·(y1-160), ...) on the page.
 */
class YoloDetectorTest {
    static final List<String> LABELS = List.of("figure", "table", "stamp");

    /** cx, cy, w, h, class, score, in model-input pixels. */
    static final float[][] CANDIDATES = {
            {100, 250, 80, 60, 0, 0.90f},  // a: kept
            {104, 250, 80, 60, 0, 0.80f},  // b: same class as a, IoU 0.90 -> dropped
            {100, 250, 80, 60, 1, 0.70f},  // c: same box as a, other class -> kept
            {300, 400, 40, 40, 2, 0.20f},  // d: below confidence 0.25 -> dropped
            {500, 300, 100, 50, 1, 0.60f}, // e: kept
            {150, 250, 80, 60, 0, 0.85f},  // f: class of a, IoU 0.23 -> kept
    };

    @RegisterExtension
    static final TestInference models = new TestInference(new ModelCatalog(List.of()), new InferenceSettings(1, "all", 4));

    @BeforeAll
    static void install() throws Exception {
        TestStores.install(models.store, "regions", "yolo_v8", TestGraphs.constantDetector(640, v8(), 1, 7, 6),
                TestStores.yoloContract(640, LABELS));
        TestStores.install(models.store, "regions", "yolo_v5", TestGraphs.constantDetector(640, v5(), 1, 6, 8),
                TestStores.yoloContract(640, LABELS));
    }

    @Test
    void readsTheV8Layout() throws Exception {
        assertExpected(detect("yolo_v8", 0.25, 0.45));
    }

    @Test
    void readsTheV5Layout() throws Exception {
        assertExpected(detect("yolo_v5", 0.25, 0.45));
    }

    @Test
    void aLooserIouKeepsTheOverlappingBoxOfTheSameClass() throws Exception {
        List<Detection> found = detect("yolo_v8", 0.25, 0.95);
        assertEquals(List.of(0.90, 0.85, 0.80, 0.70, 0.60), found.stream().map(d -> round(d.score())).toList());
    }

    @Test
    void aHigherConfidenceDropsWeakerBoxes() throws Exception {
        List<Detection> found = detect("yolo_v5", 0.8, 0.45);
        assertEquals(List.of("figure", "figure"), found.stream().map(Detection::label).toList());
    }

    @Test
    void theLayoutFollowsTheShapeAndTheLabelCount() {
        assertEquals(YoloOutputs.Layout.V8, YoloOutputs.layoutOf(new long[] {1, 84, 8400}, 80));
        assertEquals(YoloOutputs.Layout.V5, YoloOutputs.layoutOf(new long[] {1, 25200, 85}, 80));
        assertEquals(YoloOutputs.Layout.V8, YoloOutputs.layoutOf(new long[] {1, 7, 6}, 3));
        assertEquals(YoloOutputs.Layout.V5, YoloOutputs.layoutOf(new long[] {1, 6, 8}, 3));
        assertEquals(YoloOutputs.Layout.V8, YoloOutputs.layoutOf(new long[] {1, 6, 8400}, 0));
        assertThrows(IllegalArgumentException.class, () -> YoloOutputs.layoutOf(new long[] {1, 9, 9}, 3));
    }

    private static void assertExpected(List<Detection> found) {
        assertEquals(4, found.size(), found.toString());
        assertDetection(found.get(0), "figure", 0.90, 120, 120, 280, 240);
        assertDetection(found.get(1), "figure", 0.85, 220, 120, 380, 240);
        assertDetection(found.get(2), "table", 0.70, 120, 120, 280, 240);
        assertDetection(found.get(3), "table", 0.60, 900, 230, 1100, 330);
    }

    private static void assertDetection(Detection d, String label, double score, double x1, double y1, double x2,
                                        double y2) {
        assertEquals(label, d.label());
        assertEquals(score, d.score(), 1e-6);
        assertEquals(new Box(x1, y1, x2, y2), d.box());
    }

    private static List<Detection> detect(String model, double confidence, double iou) throws Exception {
        try (ModelLease lease = models.inference.acquire(models.store.require(new ModelRef("regions", model)));
             Mat page = new Mat(640, 1280, opencv_core.CV_8UC3, Scalar.all(255))) {
            return new YoloDetector(lease).detect(page, new DetectOptions(confidence, iou, 0, 300),
                    new StageClock(), () -> false);
        }
    }

    /** [1, 4+C, N]: one column per candidate. */
    private static float[] v8() {
        int n = CANDIDATES.length;
        float[] out = new float[7 * n];
        for (int j = 0; j < n; j++) {
            float[] c = CANDIDATES[j];
            for (int k = 0; k < 4; k++) {
                out[k * n + j] = c[k];
            }
            out[(4 + (int) c[4]) * n + j] = c[5];
        }
        return out;
    }

    /** [1, N, 5+C]: objectness 1 and the class score, so their product is the score. */
    private static float[] v5() {
        int n = CANDIDATES.length;
        float[] out = new float[8 * n];
        for (int i = 0; i < n; i++) {
            float[] c = CANDIDATES[i];
            System.arraycopy(c, 0, out, i * 8, 4);
            out[i * 8 + 4] = 1f;
            out[i * 8 + 5 + (int) c[4]] = c[5];
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
