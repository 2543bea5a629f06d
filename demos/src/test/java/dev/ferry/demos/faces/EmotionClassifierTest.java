package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import java.nio.file.Files;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real ONNX Runtime sessions of the shared inference core on graphs whose logits are known:
 * labels, order and softmax are checked exactly, and a model that does not fit the FER+
 * contract is refused.
 */
class EmotionClassifierTest {
    /** logit_k = mean * W[k] + B[k]: brighter faces lean to "happiness" (k = 1), darker to "sadness" (k = 3). */
    static final float[] W = {0f, 0.02f, 0f, -0.02f, 0f, 0f, 0f, 0f};
    static final float[] B = {1f, 0f, 0.5f, 3f, 0f, -1f, 0f, -2f};
    static final ModelRef FERPLUS = new ModelRef("faces", "ferplus");

    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(1, "all", 4));

    @BeforeAll
    static void install() throws Exception {
        // as `ferry models install faces ferplus --from <file>` installs the manifest's model
        models.store.install(FERPLUS, Files.write(models.folder.resolve("logits.onnx"),
                TestGraphs.emotion("Input3", W, B, false)));
        TestStores.install(models.store, "faces", "softmax", TestGraphs.emotion("Input3", W, B, true), ferPlus());
    }

    @Test
    void logitsBecomeSortedProbabilitiesUnderTheContractLabels() throws Exception {
        try (ModelLease lease = models.inference.acquire(models.store.require(FERPLUS));
             Mat bright = grey(200);
             Mat dark = grey(20)) {
            EmotionClassifier classifier = new EmotionClassifier(lease);
            FaceBox face = new FaceBox(10, 10, 80, 80);

            List<Emotion> brightEmotions = classifier.classify(bright, face, () -> false);
            assertMatches(expected(200), brightEmotions);
            assertEquals("happiness", brightEmotions.get(0).label());

            List<Emotion> darkEmotions = classifier.classify(dark, face, () -> false);
            assertMatches(expected(20), darkEmotions);
            assertEquals("sadness", darkEmotions.get(0).label());
        }
    }

    @Test
    void aModelThatOutputsProbabilitiesIsNotSoftmaxedTwice() throws Exception {
        try (ModelLease lease = models.inference.acquire(models.store.require(new ModelRef("faces", "softmax")));
             Mat bright = grey(200)) {
            assertMatches(expected(200), new EmotionClassifier(lease).classify(bright, new FaceBox(0, 0, 100, 100), () -> false));
        }
    }

    @Test
    void modelsThatDoNotFitTheContractAreRefused() throws Exception {
        ModelContract c = ferPlus();
        ModelContract sevenLabels = new ModelContract(c.task(), "", c.input(), c.normalize(), c.labels().subList(0, 7),
                null, null);
        TestStores.install(models.store, "faces", "seven", TestGraphs.emotion("Input3", W, B, false), sevenLabels);
        ModelContract detector = new ModelContract("yolo", "", c.input(), c.normalize(), c.labels(), null, null);
        TestStores.install(models.store, "faces", "detector", TestGraphs.emotion("Input3", W, B, false), detector);

        for (String model : List.of("seven", "detector")) {
            try (ModelLease lease = models.inference.acquire(models.store.require(new ModelRef("faces", model)))) {
                DemoFailure e = assertThrows(DemoFailure.class, () -> new EmotionClassifier(lease));
                assertEquals("model_invalid", e.code());
                assertTrue(e.getMessage().contains(model.equals("seven") ? "gives 8 scores but its model.json names 7"
                        : "\"task\": \"fer_plus\""), e.getMessage());
            }
        }
    }

    /** The manifest's FER+ contract, as a model of one's own would copy it. */
    static ModelContract ferPlus() {
        return ModelCatalog.builtIn().find(FERPLUS).orElseThrow().contract();
    }

    /** The probabilities the graph must produce for a face of one grey value, computed here independently. */
    static double[] expected(int grey) {
        double[] p = new double[W.length];
        double total = 0;
        for (int k = 0; k < W.length; k++) {
            p[k] = Math.exp(grey * W[k] + B[k]);
            total += p[k];
        }
        for (int k = 0; k < W.length; k++) {
            p[k] /= total;
        }
        return p;
    }

    private static void assertMatches(double[] expected, List<Emotion> emotions) {
        assertEquals(8, emotions.size());
        double sum = 0;
        for (int i = 0; i < emotions.size(); i++) {
            Emotion e = emotions.get(i);
            int k = EmotionClassifier.FER_PLUS_LABELS.indexOf(e.label());
            assertEquals(expected[k], e.confidence(), 1e-4, e.label());
            if (i > 0) {
                assertTrue(emotions.get(i - 1).confidence() >= e.confidence(), "sorted most likely first");
            }
            sum += e.confidence();
        }
        assertEquals(1.0, sum, 1e-5);
    }

    private static Mat grey(int value) {
        return new Mat(100, 100, CV_8UC3, new Scalar(value, value, value, 0));
    }
}
