package dev.ferry.demos.sorting;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.matching.embedding.PooledGridGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The sorting demo's models for tests, and photos they fit: a detector whose boxes are known
 * (the same on every photo) and a feature extractor whose vectors are the crops' mean colours,
 * so the red and the blue items are two groups.
 */
public final class SortingTestModels {
    static final List<String> LABELS = List.of("item", "container");
    /** cx, cy, w, h, class, score on a 640 × 640 photo (the detector's own size: no letterbox). */
    static final float[][] OBJECTS = {
            {120, 200, 80, 80, 0, 0.90f},  // A red
            {260, 200, 80, 80, 0, 0.85f},  // B blue
            {400, 200, 80, 80, 0, 0.80f},  // C red
            {540, 200, 80, 80, 0, 0.75f},  // D blue
            {200, 480, 120, 120, 1, 0.70f}, // E container
            {440, 480, 120, 120, 1, 0.65f}, // F container
    };
    private static final Scalar RED = new Scalar(40, 40, 220, 0);
    private static final Scalar BLUE = new Scalar(220, 60, 40, 0);
    private static final Scalar[] COLOURS = {RED, BLUE, RED, BLUE, Scalar.all(60), Scalar.all(60)};

    private SortingTestModels() {}

    /** The default detector and embedder of the sorting demo. */
    public static void install(ModelStore store) throws IOException {
        installDetector(store, SortingDemo.DEFAULT_DETECTOR, OBJECTS, LABELS);
        TestStores.install(store, SortingDemo.NAME, SortingDemo.DEFAULT_EMBEDDER, PooledGridGraph.onnx(),
                PooledGridGraph.contract());
    }

    static void installDetector(ModelStore store, String model, float[][] candidates, List<String> labels) throws IOException {
        TestStores.install(store, SortingDemo.NAME, model,
                TestGraphs.constantDetector(640, v8(candidates), 1, 4 + LABELS.size(), candidates.length),
                TestStores.yoloContract(640, labels));
    }

    /** The layout of {@link #OBJECTS}, each box filled with its colour on a grey table, as {@code file} (PNG or JPEG). */
    public static Path photo(Path file) {
        try (Mat image = new Mat(640, 640, opencv_core.CV_8UC3, Scalar.all(150))) {
            for (int i = 0; i < OBJECTS.length; i++) {
                float[] o = OBJECTS[i];
                try (Rect box = new Rect((int) (o[0] - o[2] / 2), (int) (o[1] - o[3] / 2), (int) o[2], (int) o[3])) {
                    rectangle(image, box, COLOURS[i], FILLED, 8, 0);
                }
            }
            imwrite(file.toString(), image);
        }
        return file;
    }

    /** [1, 4+C, N]: one column per candidate. */
    private static float[] v8(float[][] candidates) {
        int n = candidates.length;
        int rows = 4 + LABELS.size();
        float[] out = new float[rows * n];
        for (int j = 0; j < n; j++) {
            float[] c = candidates[j];
            for (int k = 0; k < 4; k++) {
                out[k * n + j] = c[k];
            }
            out[(4 + (int) c[4]) * n + j] = c[5];
        }
        return out;
    }
}
