package dev.ferry.demos.inference.tfjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.json.Json;
import dev.ferry.demos.inference.CatalogEntry;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.testkit.TestModels;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The imported emotion model against the original TF.js graph: the scores TensorFlow.js
 * computed once on fixed inputs (bench/tfjs-reference) are recomputed with ONNX Runtime on
 * the import, and the import's bytes are the ones the manifest pins.
 */
class TfjsEmotionFidelityTest {
    private static final int SIZE = 64;
    private static byte[] onnx;
    private static JsonNode reference;

    @BeforeAll
    static void importModel() throws Exception {
        onnx = TfjsImporter.toOnnx(TfjsModel.read(TestModels.emotionTfjs()), "emotion");
        try (InputStream in = TfjsEmotionFidelityTest.class.getResourceAsStream("emotion-reference.json")) {
            reference = Json.MAPPER.readTree(in);
        }
    }

    @Test
    void scoresEqualTheTfjsGraphsWithin1e4() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        double worst = 0;
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions())) {
            for (int i = 0; i < reference.path("inputs").size(); i++) {
                float[] scores = run(env, session, reference.path("inputs").get(i).path("pixels"));
                JsonNode expected = reference.path("outputs").get(i);
                assertEquals(expected.size(), scores.length);
                for (int k = 0; k < scores.length; k++) {
                    worst = Math.max(worst, Math.abs(scores[k] - expected.get(k).asDouble()));
                }
            }
        }
        System.out.printf("emotion import vs TF.js: max abs difference %.3g%n", worst);
        assertTrue(worst <= 1e-4, "max abs difference to TF.js " + worst);
    }

    @Test
    void importIsTheFileTheManifestPins() throws Exception {
        CatalogEntry entry = ModelCatalog.builtIn().find(new ModelRef("faces", "emotion")).orElseThrow();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(onnx));
        assertEquals(entry.sha256(), sha);
        assertEquals(entry.sizeBytes(), onnx.length);
    }

    /** The model's own pre-processing, (g / 255 - 0.5) * 2, on one input's pixels. */
    private static float[] run(OrtEnvironment env, OrtSession session, JsonNode pixels) throws Exception {
        float[] x = new float[SIZE * SIZE];
        for (int p = 0; p < x.length; p++) {
            x[p] = (float) ((pixels.get(p).asInt() / 255.0 - 0.5) * 2);
        }
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {1, SIZE, SIZE, 1});
             OrtSession.Result result = session.run(Map.of("input_1", input))) {
            return ((float[][]) result.get(0).getValue())[0];
        }
    }
}
