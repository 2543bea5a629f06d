package dev.ferry.demos.vectorization;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX engine through the demo, with a detector graph whose outputs are constants: what
 * the job reports must be exactly those queries decoded by the contract, on a page that is not
 * square (the image is stretched to the input; points come back per axis).
 */
class OnnxEngineTest {
    private static final int QUERIES = 5;
    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));
    static final VectorizationDemo demo = new VectorizationDemo(models.services(TestConfig.in(models.folder).build()));

    @TempDir
    Path job;

    @BeforeAll
    static void install() throws Exception {
        float[] scores = {
                6, 0, 0, 0,          // a line
                0, 5, 0, 0,          // a circle
                0, 0, 4, 0,          // an arc
                0, 0, 0, 5,          // nothing
                1, 0.5f, 0.5f, 0.8f  // a line, but not sure enough
        };
        float[] params = {
                0.1f, 0.2f, 0.9f, 0.8f, 0, 0,
                0.25f, 0, 0.75f, 1, 0, 0,
                0.625f, 0.5f, 0.5f, 0.75f, 0.375f, 0.5f,
                0.5f, 0.5f, 0.6f, 0.6f, 0, 0,
                0, 0, 1, 1, 0, 0};
        TestStores.install(models.store, "vectorization", "primitives", PrimitiveGraphs.constant(64, scores, params, QUERIES),
                PrimitiveGraphs.contract(64, PrimitiveGraphs.LABELS));
        TestStores.install(models.store, "vectorization", "unlabelled", PrimitiveGraphs.constant(64, scores, params, QUERIES),
                PrimitiveGraphs.contract(64, List.of("segment", "circle", "arc", "no_object")));
    }

    @Test
    void theQueriesAreDecodedByTheContract() throws Exception {
        Path page = Files.write(job.resolve("000-page.png"), TestImages.gradient(400, 200, ".png"));
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of("engine", "onnx"), List.of(page), job);

        JsonNode result = demo.run(ctx);

        assertEquals("onnx", result.get("engine").asText());
        assertEquals("primitives", result.get("model").asText());
        assertEquals(List.of(1, 1, 1), List.of(result.get("lines").asInt(), result.get("circles").asInt(),
                result.get("arcs").asInt()), result::toString);
        JsonNode primitives = Json.MAPPER.readTree(ctx.outputDir().resolve("0001-page.json").toFile()).get("primitives");
        assertEquals(3, primitives.size(), primitives::toString);
        // most confident first; softmax over the four labels
        JsonNode line = primitives.get(0);
        assertEquals("line", line.get("type").asText());
        assertEquals(List.of(40.0, 40.0, 360.0, 160.0), List.of(line.get("x1").asDouble(), line.get("y1").asDouble(),
                line.get("x2").asDouble(), line.get("y2").asDouble()));
        assertEquals(softmax(6), line.get("confidence").asDouble(), 1e-4);
        JsonNode circle = primitives.get(1);
        assertEquals("circle", circle.get("type").asText());
        assertEquals(List.of(200.0, 100.0, 100.0), List.of(circle.get("cx").asDouble(), circle.get("cy").asDouble(),
                circle.get("r").asDouble()));
        assertEquals(softmax(5), circle.get("confidence").asDouble(), 1e-4);
        JsonNode arc = primitives.get(2);
        assertEquals("arc", arc.get("type").asText());
        // from (250, 100) through (200, 150) to (150, 100): the lower half of the circle round (200, 100)
        assertEquals(List.of(200.0, 100.0, 50.0, 0.0, 180.0), List.of(arc.get("cx").asDouble(), arc.get("cy").asDouble(),
                arc.get("r").asDouble(), arc.get("start_angle").asDouble(), arc.get("end_angle").asDouble()));
        assertEquals(List.of(250.0, 100.0, 150.0, 100.0), List.of(arc.get("x1").asDouble(), arc.get("y1").asDouble(),
                arc.get("x2").asDouble(), arc.get("y2").asDouble()));
        assertEquals(softmax(4), arc.get("confidence").asDouble(), 1e-4);

        String svg = Files.readString(ctx.outputDir().resolve("0001-page.svg"));
        assertTrue(svg.contains("<line id=\"p1\" data-confidence=\"0.99\" x1=\"40\" y1=\"40\" x2=\"360\" y2=\"160\"/>"),
                svg);
        assertTrue(svg.contains("<circle id=\"p2\" data-confidence=\"0.98\" cx=\"200\" cy=\"100\" r=\"100\"/>"), svg);
        assertTrue(svg.contains("<path id=\"p3\" data-confidence=\"0.95\" d=\"M 250 100 A 50 50 0 0 1 150 100\"/>"), svg);
    }

    @Test
    void aLowerConfidenceLetsTheUnsureQueryThrough() throws Exception {
        Path page = Files.write(job.resolve("000-page.png"), TestImages.gradient(100, 100, ".png"));
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of("engine", "onnx", "confidence", 0.3), List.of(page), job);

        JsonNode result = demo.run(ctx);

        assertEquals(2, result.get("lines").asInt(), result::toString);
    }

    @Test
    void aModelWhoseLabelsDoNotNameThePrimitivesIsRefused() throws Exception {
        Path page = Files.write(job.resolve("000-page.png"), TestImages.gradient(100, 100, ".png"));
        DemoFailure e = assertThrows(DemoFailure.class, () -> demo.run(
                TestDemoContext.of(demo, Map.of("engine", "onnx", "model", "unlabelled"), List.of(page), job)));
        assertEquals("model_invalid", e.code());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("must name line, circle and arc"), e.getMessage());
    }

    @Test
    void aMissingModelIsRefusedAtSubmitWithHowToInstallOne() {
        VectorizationDemo elsewhere = new VectorizationDemo(TestDemos.services(new ModelStore(job, ModelCatalog.builtIn()),
                models.inference, TestConfig.in(job).build()));
        Map<String, Object> params = elsewhere.params().validate(Map.of("engine", "onnx", "model", "figures"));
        DemoFailure e = assertThrows(DemoFailure.class, () -> elsewhere.checkReady(params));
        assertEquals("model_missing", e.code());
        assertTrue(e.getMessage().contains("ferry models install vectorization figures"), e.getMessage());
        assertDoesNotThrow(() -> elsewhere.checkReady(elsewhere.params().validate(Map.of())),
                "the OpenCV engine needs no model");
    }

    private static double softmax(double winner) {
        return Math.exp(winner) / (Math.exp(winner) + 3);
    }
}
