package dev.ferry.demos.clustering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding engine on a feature extractor the test writes as an ONNX graph, run by ONNX
 * Runtime through the inference core: k-means, agglomerative clustering that finds k itself,
 * and assignment to reference groups.
 */
class EmbeddingEngineTest {
    static final Set<String> CLASSES = Set.of("square", "plus", "half_disk");
    @TempDir
    Path dir;
    private Inference inference;
    private ClusteringDemo demo;
    private Path zip;

    @BeforeEach
    void installTheModel() throws Exception {
        ModelStore store = new ModelStore(dir.resolve("data"), ModelCatalog.builtIn());
        TestStores.install(store, "clustering", "tiny", EmbeddingGraph.onnx(), EmbeddingGraph.contract("embedding"));
        TestStores.install(store, "clustering", "detector", EmbeddingGraph.onnx(), EmbeddingGraph.contract("yolo"));
        inference = new Inference(new InferenceSettings(1, "all", 2), InferenceDevice.CPU);
        demo = new ClusteringDemo(TestDemos.services(store, inference, TestConfig.in(dir.resolve("data")).build()));
        // three shapes, each drawn a little shifted and scaled but never turned: what a plain feature extractor tells apart
        zip = ShapeFiles.zip(dir.resolve("shapes.zip"), ShapeSet.generate(10, 6, 48,
                new ShapeSet.Variation(0.03, 0, 0.95, 1.05), 5).stream().filter(s -> CLASSES.contains(s.name())).toList());
    }

    @AfterEach
    void unload() {
        inference.close();
    }

    @Test
    void kMeansOnTheFeaturesFindsTheThreeShapes() throws Exception {
        TestDemoContext ctx = context(Map.of("engine", "embedding", "model", "tiny", "n_prototypes", 3));

        JsonNode result = demo.run(ctx);

        assertEquals("embedding", result.get("engine").asText());
        assertEquals(List.of(6, 6, 6), sizes(result));
        JsonNode report = report(ctx);
        assertEquals("tiny", report.get("model").asText());
        assertTrue(report.get("loss_meaning").asText().startsWith("mean squared distance"), report.toString());
        assertOneClassPerCluster(report);
        for (JsonNode cluster : report.get("clusters")) {
            assertTrue(Files.size(ctx.outputDir().resolve(cluster.get("prototype").asText())) > 0);
            JsonNode member = cluster.get("members").get(0);
            assertTrue(!member.has("aligned") && !member.has("transform"), member.toString());
            assertTrue(member.get("distance").asDouble() < 0.2, member.toString());
        }
    }

    /** Copies of one shape merge below 0.075 here, different shapes above 0.13. */
    @Test
    void agglomerativeClusteringChoosesTheNumberOfClustersFromTheThreshold() throws Exception {
        TestDemoContext ctx = context(Map.of("engine", "embedding", "model", "tiny", "distance_threshold", 0.1));

        JsonNode result = demo.run(ctx);

        assertEquals(3, result.get("clusters").asInt(), result.toString());
        JsonNode report = report(ctx);
        assertOneClassPerCluster(report);
        assertEquals(15, report.get("loss").size(), "18 images merged into 3 clusters: 15 merges");
        assertTrue(Files.exists(ctx.outputDir().resolve("loss.png")));

        JsonNode one = demo.run(context(Map.of("engine", "embedding", "model", "tiny", "distance_threshold", 2)));
        assertEquals(1, one.get("clusters").asInt(), "everything closer than 2");
    }

    @Test
    void itemsGoToTheReferenceGroupTheyLookLike() throws Exception {
        JobId earlier = JobId.generate("regions", System.currentTimeMillis());
        Path outputs = new DataFolder(dir.resolve("data")).outputsDir(earlier);
        Files.createDirectories(outputs.resolve("containers/a"));
        Files.createDirectories(outputs.resolve("containers/b"));
        Files.createDirectories(outputs.resolve("containers/c"));
        SplittableRandom random = new SplittableRandom(3);
        Files.write(outputs.resolve("containers/a/1.png"), ShapeSet.png(ShapeSet.draw(1, 48, ShapeSet.Variation.NONE, random)));
        Files.write(outputs.resolve("containers/a/2.png"), ShapeSet.png(ShapeSet.draw(3, 48, ShapeSet.Variation.NONE, random)));
        Files.write(outputs.resolve("containers/b/1.png"), ShapeSet.png(ShapeSet.draw(8, 48, ShapeSet.Variation.NONE, random)));
        Files.write(outputs.resolve("containers/c/1.png"), ShapeSet.png(ShapeSet.draw(7, 48, ShapeSet.Variation.NONE, random)));
        TestDemoContext ctx = context(Map.of("engine", "embedding", "model", "tiny",
                "assign_to", earlier + "/containers/**", "reference_groups", "folder"));

        JsonNode result = demo.run(ctx);

        assertEquals(3, result.get("clusters").asInt());
        JsonNode report = report(ctx);
        Map<String, Set<String>> classesByGroup = new HashMap<>();
        for (JsonNode cluster : report.get("clusters")) {
            for (JsonNode m : cluster.get("members")) {
                classesByGroup.computeIfAbsent(cluster.get("name").asText(), g -> new HashSet<>())
                        .add(ShapeFiles.classOf(m.get("source").asText()));
            }
        }
        assertEquals(Map.of("containers/a", Set.of("square", "plus"), "containers/b", Set.of("half_disk")), classesByGroup);
        assertEquals(0, report.get("clusters").get(2).get("size").asInt(), "container c: nothing looks like a ring");
    }

    @Test
    void aModelOfAnotherKindIsRefused() {
        DemoFailure e = assertThrows(DemoFailure.class,
                () -> demo.run(context(Map.of("engine", "embedding", "model", "detector"))));
        assertEquals("model_invalid", e.code());
        assertTrue(e.getMessage().contains("\"task\": \"embedding\""), e.getMessage());
    }

    private TestDemoContext context(Map<String, ?> params) {
        return TestDemoContext.of(demo, params, List.of(zip), dir.resolve("job-" + System.nanoTime()));
    }

    private static JsonNode report(TestDemoContext ctx) throws Exception {
        return Json.MAPPER.readTree(ctx.outputDir().resolve("clusters.json").toFile());
    }

    private static void assertOneClassPerCluster(JsonNode report) {
        for (JsonNode cluster : report.get("clusters")) {
            Set<String> classes = new HashSet<>();
            cluster.get("members").forEach(m -> classes.add(ShapeFiles.classOf(m.get("source").asText())));
            assertEquals(1, classes.size(), cluster.toString());
        }
    }

    private static List<Integer> sizes(JsonNode result) {
        return java.util.stream.StreamSupport.stream(result.get("cluster_sizes").spliterator(), false)
                .map(JsonNode::asInt).toList();
    }
}
