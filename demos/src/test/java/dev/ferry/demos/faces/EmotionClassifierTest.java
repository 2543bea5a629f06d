package dev.ferry.demos.faces;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.demos.testing.EmotionGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real ONNX Runtime session on a graph whose logits are known: labels, order and softmax are checked exactly. */
class EmotionClassifierTest {
    /** logit_k = mean * W[k] + B[k]: brighter faces lean to "happiness" (k = 1), darker to "sadness" (k = 3). */
    static final float[] W = {0f, 0.02f, 0f, -0.02f, 0f, 0f, 0f, 0f};
    static final float[] B = {1f, 0f, 0.5f, 3f, 0f, -1f, 0f, -2f};

    @TempDir
    Path dir;

    @Test
    void logitsBecomeSortedProbabilitiesUnderTheContractLabels() throws Exception {
        try (OrtEmotionModel model = model(false);
             Mat bright = grey(200);
             Mat dark = grey(20)) {
            EmotionClassifier classifier = new EmotionClassifier("test", EmotionContract.FER_PLUS, model);
            FaceBox face = new FaceBox(10, 10, 80, 80);

            List<Emotion> brightEmotions = classifier.classify(bright, face);
            assertMatches(expected(200), brightEmotions);
            assertEquals("happiness", brightEmotions.get(0).label());

            List<Emotion> darkEmotions = classifier.classify(dark, face);
            assertMatches(expected(20), darkEmotions);
            assertEquals("sadness", darkEmotions.get(0).label());
        }
    }

    @Test
    void aModelThatOutputsProbabilitiesIsNotSoftmaxedTwice() throws Exception {
        try (OrtEmotionModel model = model(true); Mat bright = grey(200)) {
            EmotionClassifier classifier = new EmotionClassifier("test", EmotionContract.FER_PLUS, model);
            assertMatches(expected(200), classifier.classify(bright, new FaceBox(0, 0, 100, 100)));
        }
    }

    private OrtEmotionModel model(boolean softmax) throws Exception {
        Path onnx = Files.write(dir.resolve(softmax ? "soft.onnx" : "logits.onnx"), EmotionGraph.write("Input3", W, B, softmax));
        return new OrtEmotionModel(onnx, Optional.of("Input3"));
    }

    /** The probabilities the graph must produce for a face of one grey value, computed here independently. */
    static double[] expected(int grey) {
        double[] logits = new double[W.length];
        double total = 0;
        for (int k = 0; k < W.length; k++) {
            logits[k] = Math.exp(grey * W[k] + B[k]);
            total += logits[k];
        }
        for (int k = 0; k < W.length; k++) {
            logits[k] /= total;
        }
        return logits;
    }

    private static void assertMatches(double[] expected, List<Emotion> emotions) {
        assertEquals(8, emotions.size());
        double sum = 0;
        for (int i = 0; i < emotions.size(); i++) {
            Emotion e = emotions.get(i);
            int k = EmotionContract.FER_PLUS_LABELS.indexOf(e.label());
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
