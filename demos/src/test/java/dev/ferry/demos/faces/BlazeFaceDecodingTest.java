package dev.ferry.demos.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * BlazeFace's decoding on a model whose outputs are known (the manifest's contract, a graph
 * written by the test): two overlapping anchors of different feature maps and one below the
 * score threshold, on a wide page letterboxed into the square input, give exactly one face
 * whose box is the score-weighted mean of the two, mapped back to page pixels.
 */
class BlazeFaceDecodingTest {
    static final ModelRef MODEL = new ModelRef(FacesDemo.NAME, "blazeface");
    /** Input-pixel keypoints both anchors point at: eyes, nose, mouth, ears. */
    static final int[] KEYPOINTS = {36, 50, 56, 50, 46, 56, 46, 64, 28, 54, 64, 54};

    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));

    @BeforeAll
    static void install() throws Exception {
        float[] scores8 = filled(512, -10f);
        float[] scores16 = filled(384, -10f);
        float[] boxes8 = new float[512 * 16];
        float[] boxes16 = new float[384 * 16];
        // stride 8, cell (5, 7), second anchor: centre (44, 60); box centre (46, 56), 40 × 30
        anchor(scores8, boxes8, (7 * 16 + 5) * 2 + 1, 3f, 44, 60, 2, -4);
        // stride 16, cell (2, 3), first anchor: centre (40, 56); box centre (50, 56), 40 × 30
        anchor(scores16, boxes16, (3 * 8 + 2) * 6, 1.5f, 40, 56, 10, 0);
        // stride 8, cell (12, 12): score sigmoid(1) = 0.73, under the manifest's 0.75
        anchor(scores8, boxes8, (12 * 16 + 12) * 2, 1f, 100, 100, 0, 0);
        TestStores.install(models.store, MODEL.demo(), MODEL.model(),
                TestGraphs.constantBlazeFace(128, scores8, scores16, boxes8, boxes16),
                ModelCatalog.builtIn().find(MODEL).orElseThrow().contract());
    }

    @Test
    void decodesBlendsAndMapsTheFaceBackToThePage() {
        List<FaceDetection> found;
        // a 40-pixel smallest face makes the finest tile 160, larger than this page's halves: one pass, no tiles
        try (ModelLease lease = models.inference.acquire(models.store.require(MODEL));
             BlazeFaceDetector detector = new BlazeFaceDetector(lease, 40, () -> false);
             Scalar grey = Scalar.all(128); Mat page = new Mat(128, 256, opencv_core.CV_8UC3, grey)) {
            found = detector.detect(page);
        }

        // the page is scaled by 1/2 into the input, 32 pixels of padding above: page = 2 × input x, 2 × (input y − 32)
        double s1 = BlazeFaceDecoder.sigmoid(3);
        double s2 = BlazeFaceDecoder.sigmoid(1.5);
        double w2 = s2 / (s1 + s2);
        int x1 = (int) Math.round(52 + 8 * w2);
        assertEquals(1, found.size(), found.toString());
        FaceDetection face = found.get(0);
        assertEquals(new FaceBox(x1, 18, (int) Math.round(132 + 8 * w2) - x1, 60), face.box());
        assertEquals(s1, face.confidence().orElseThrow(), 1e-6);
        assertEquals(List.of(new FaceKeypoint("right_eye", 72, 36), new FaceKeypoint("left_eye", 112, 36),
                new FaceKeypoint("nose_tip", 92, 48), new FaceKeypoint("mouth", 92, 64),
                new FaceKeypoint("right_ear_tragion", 56, 44), new FaceKeypoint("left_ear_tragion", 128, 44)),
                face.keypoints());
    }

    /** Anchor {@code i}, centred at (cx, cy) in input pixels: a 40 × 30 box offset by (dx, dy), {@link #KEYPOINTS}. */
    private static void anchor(float[] scores, float[] boxes, int i, float logit, int cx, int cy, int dx, int dy) {
        scores[i] = logit;
        float[] values = new float[16];
        values[0] = dx;
        values[1] = dy;
        values[2] = 40;
        values[3] = 30;
        for (int k = 0; k < KEYPOINTS.length; k += 2) {
            values[4 + k] = KEYPOINTS[k] - cx;
            values[5 + k] = KEYPOINTS[k + 1] - cy;
        }
        System.arraycopy(values, 0, boxes, i * 16, 16);
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }
}
