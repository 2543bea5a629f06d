package dev.ferry.demos.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.job.Progress;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.core.storage.InputSpec;
import dev.ferry.core.storage.JobFiles;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.matching.CopiedPictures;
import dev.ferry.demos.matching.Transposition;
import dev.ferry.demos.matching.embedding.PooledGridGraph;
import dev.ferry.testkit.TestDemoContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The similarity demo as a worker runs it: two documents as ZIPs, every output read back. */
class SimilarityDemoTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final TestDemos demos = new TestDemos(new SimilarityDemoFactory(), () -> dir.resolve("data"));

    @Test
    void aQueryDocumentFindsItsMirroredAndTurnedCopiesInAnother() throws Exception {
        Path book = zip("book.zip", List.of(CopiedPictures.engraving(1, 300), CopiedPictures.photo(1, 2, 300)));
        Path reprint = zip("reprint.zip", List.of(CopiedPictures.engraving(9, 300),
                CopiedPictures.copy(CopiedPictures.photo(1, 2, 300), Transposition.ROT90, 3),
                CopiedPictures.copy(CopiedPictures.engraving(1, 300), Transposition.HFLIP, 4)));
        TestDemoContext ctx = TestDemoContext.of(demos.demo(), Map.of("queries", "1", "topk", 2), List.of(book, reprint), dir);

        JsonNode result = demos.demo().run(ctx);

        assertEquals(5, result.get("images").asInt(), result.toString());
        assertEquals(2, result.get("queries").asInt(), result.toString());
        JsonNode report = Json.MAPPER.readTree(ctx.outputDir().resolve("pairs.json").toFile());
        JsonNode pairs = report.get("pairs");
        assertEquals(2, pairs.size(), pairs.toString());
        List<String> table = new ArrayList<>();
        report.get("index").get("transpositions").forEach(name -> table.add(name.asText()));
        Set<String> found = new HashSet<>();
        pairs.forEach(p -> found.add(p.get(0) + " " + p.get(1) + " " + table.get(p.get(3).asInt()) + " " + table.get(p.get(4).asInt())));
        assertEquals(Set.of("0 4 hflip none", "1 3 rot90 none"), found, "the engraving and its mirror, the photo and its turn");
        assertTrue(pairs.get(0).get(2).asDouble() >= pairs.get(1).get(2).asDouble(), "best first");
        JsonNode photoPair = report.get("named_pairs").get(pairs.get(0).get(0).asInt() == 1 ? 0 : 1);
        assertEquals("reprint.zip!/2.png", photoPair.get("source_j").asText());
        assertEquals("rot90", photoPair.get("tr_i").asText());
        assertEquals("reprint.zip", report.get("index").get("sources").get("2").get("name").asText());
        assertEquals("2", report.get("index").get("images").get(3).get("doc").asText());
        assertEquals(List.of("image", "doc", "source", "width", "height"), fields(report.get("index").get("images").get(3)),
                "staging is no part of the index");

        JsonNode topk = Json.MAPPER.readTree(ctx.outputDir().resolve("topk.json").toFile());
        assertEquals(2, topk.size(), "one list per query image");
        assertEquals(4, topk.get(0).get("top").get(0).get("image").asInt());
        JsonNode inliers = Json.MAPPER.readTree(ctx.outputDir().resolve("inliers.json").toFile());
        assertTrue(inliers.get(0).get("points").size() >= 12, inliers.get(0).toString());
        var picture = ImageIO.read(ctx.outputDir().resolve("pairs/0_4.jpg").toFile());
        assertTrue(picture.getWidth() > 300, "side by side");
        assertTrue(Files.exists(ctx.outputDir().resolve("pairs/1_3.jpg")));
        assertFalse(Files.exists(ctx.outputDir().resolve(SimilarityDemo.STAGING)), "nothing staged is left behind");
        List<String> messages = ctx.reported().stream().map(Progress::message).toList();
        assertTrue(messages.contains("comparing image 2 of 2: book.zip!/2.png"), messages.toString());
    }

    @Test
    void anEarlierJobsCropsAreComparedInPlace() throws Exception {
        JobId regions = JobId.generate("regions", System.currentTimeMillis());
        Path crops = Files.createDirectories(new DataFolder(demos.config().dataDir()).outputsDir(regions).resolve("crops"));
        Files.write(crops.resolve("0001-page_1.png"), CopiedPictures.png(CopiedPictures.photo(4, 7, 260)));
        Files.write(crops.resolve("0002-page_1.png"), CopiedPictures.png(CopiedPictures.engraving(5, 260)));
        Files.write(crops.resolve("0003-page_1.png"), CopiedPictures.png(CopiedPictures.copy(CopiedPictures.photo(4, 7, 260),
                Transposition.VFLIP, 8)));
        Path spec = Files.write(dir.resolve("inputs.json"), new InputSpec(List.of(new JobFiles(regions, "crops/*"))).toJson());

        TestDemoContext ctx = TestDemoContext.inDataFolder(demos.config(), demos.demo(), Map.of(), List.of(spec));
        JsonNode result = demos.demo().run(ctx);

        assertEquals(3, result.get("images").asInt(), result.toString());
        JsonNode pair = Json.MAPPER.readTree(ctx.outputDir().resolve("pairs.json").toFile()).get("named_pairs").get(0);
        assertEquals(regions + "/crops/0001-page_1.png", pair.get("source_i").asText());
        assertEquals(regions + "/crops/0003-page_1.png", pair.get("source_j").asText());
        assertEquals("vflip", pair.get("tr_i").asText());
    }

    @Test
    void anEmptyZipFailsSayingTwoImagesAreNeeded() throws Exception {
        Path empty = zip("empty.zip", List.of());

        DemoFailure e = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of(), empty)));

        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().startsWith("similarity needs at least two images to compare, the inputs gave 0"),
                e.getMessage());
    }

    @Test
    void oneImageAloneFailsTheSameWay() throws Exception {
        Path one = zip("one.zip", List.of(CopiedPictures.engraving(1, 200)));

        DemoFailure e = assertThrows(DemoFailure.class, () -> demos.demo().run(context(Map.of(), one)));

        assertTrue(e.getMessage().contains("the inputs gave 1"), e.getMessage());
    }

    @Test
    void theEmbeddingEngineFindsExactCopiesByTheirVectorsWithTheTranspositionThatTurnsThemBack() throws Exception {
        installGridExtractor();
        Path book = zip("book.zip", List.of(CopiedPictures.photo(1, 2, 300), CopiedPictures.photo(3, 5, 300)));
        Path reprint = zip("reprint.zip", List.of(CopiedPictures.engraving(9, 300),
                Transposition.ROT90.apply(CopiedPictures.photo(1, 2, 300)),
                Transposition.HFLIP.apply(CopiedPictures.photo(3, 5, 300))));
        TestDemoContext ctx = context(Map.of("engine", "embedding", "queries", "1", "topk", 1), book, reprint);

        JsonNode result = demos.demo().run(ctx);

        assertEquals("embedding", result.get("engine").asText(), result.toString());
        JsonNode report = Json.MAPPER.readTree(ctx.outputDir().resolve("pairs.json").toFile());
        Set<String> found = new HashSet<>();
        report.get("named_pairs").forEach(p -> found.add(p.get("i").asInt() + " " + p.get("j").asInt() + " "
                + p.get("tr_i").asText()));
        assertEquals(Set.of("0 3 rot90", "1 4 hflip"), found, report.get("named_pairs").toString());
        report.get("named_pairs").forEach(p -> assertTrue(p.get("score").asDouble() > 0.99, p.toString()));
    }

    @Test
    void rerankingVerifiesTheEmbeddingEnginesShortlistByLocalFeatures() throws Exception {
        installGridExtractor();
        Path book = zip("book.zip", List.of(CopiedPictures.engraving(1, 300)));
        Path reprint = zip("reprint.zip", List.of(CopiedPictures.engraving(9, 300),
                CopiedPictures.copy(CopiedPictures.engraving(1, 300), Transposition.ROT180, 4)));
        TestDemoContext ctx = context(Map.of("engine", "embedding", "rerank", true, "queries", "1"), book, reprint);

        demos.demo().run(ctx);

        JsonNode report = Json.MAPPER.readTree(ctx.outputDir().resolve("pairs.json").toFile());
        assertEquals(1, report.get("pairs").size(), "the distractor is not verified: " + report.get("named_pairs"));
        JsonNode pair = report.get("named_pairs").get(0);
        assertEquals(2, pair.get("j").asInt(), pair.toString());
        assertEquals("rot180", pair.get("tr_i").asText(), pair.toString());
        JsonNode inliers = Json.MAPPER.readTree(ctx.outputDir().resolve("inliers.json").toFile());
        assertTrue(inliers.get(0).get("points").size() >= 12, "scores and points are local features': " + inliers);
    }

    @Test
    void theEmbeddingEngineWithoutItsModelIsRefusedAtSubmitWithTheCommandThatInstallsIt() {
        DemoFailure e = assertThrows(DemoFailure.class, () -> demos.demo().checkReady(
                demos.demo().params().validate(Map.of("engine", "embedding"))));
        assertEquals("model_missing", e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("ferry models install similarity default"), e.getMessage());
    }

    @Test
    void unknownTranspositionsEnginesAndQueriesAreRefusedAtSubmit() {
        InvalidParamException t = assertThrows(InvalidParamException.class,
                () -> demos.demo().checkReady(demos.demo().params().validate(Map.of("transpositions", "none,rot45"))));
        assertTrue(t.getMessage().contains("unknown transposition 'rot45': use none, rot90, rot180, rot270, hflip,"
                + " vflip, or all"), t.getMessage());
        assertThrows(InvalidParamException.class, () -> demos.demo().params().validate(Map.of("engine", "neural")));
        InvalidParamException q = assertThrows(InvalidParamException.class,
                () -> demos.demo().checkReady(demos.demo().params().validate(Map.of("queries", "first"))));
        assertTrue(q.getMessage().contains("queries lists input numbers from 1"), q.getMessage());
    }

    @Test
    void aJobCancelledWhileComparingStopsBeforeTheNextImage() throws Exception {
        Path set = zip("set.zip", List.of(CopiedPictures.engraving(1, 200), CopiedPictures.engraving(2, 200),
                CopiedPictures.engraving(3, 200), CopiedPictures.engraving(4, 200)));
        TestDemoContext ctx = context(Map.of(), set);
        DemoContext cancelsAtTheSecond = new CancelsAt(ctx, "comparing image 2 of 4");

        assertThrows(JobCancelledException.class, () -> demos.demo().run(cancelsAtTheSecond));

        List<String> messages = ctx.reported().stream().map(Progress::message).toList();
        assertTrue(messages.stream().noneMatch(m -> m.startsWith("comparing image 3")), messages.toString());
        assertFalse(Files.exists(ctx.outputDir().resolve("pairs.json")));
        assertFalse(Files.exists(ctx.outputDir().resolve(SimilarityDemo.STAGING)), "nothing staged is left behind");
    }

    /** A job's context that is cancelled the moment a progress message starts with {@code at}. */
    private record CancelsAt(TestDemoContext job, String at) implements DemoContext {
        @Override
        public void progress(long current, long total, String message) {
            if (message.startsWith(at)) {
                job.cancel();
            }
            job.progress(current, total, message);
        }

        @Override
        public String jobId() {
            return job.jobId();
        }

        @Override
        public int attempt() {
            return job.attempt();
        }

        @Override
        public Map<String, Object> params() {
            return job.params();
        }

        @Override
        public List<Path> inputs() {
            return job.inputs();
        }

        @Override
        public Path outputDir() {
            return job.outputDir();
        }

        @Override
        public boolean isCancelled() {
            return job.isCancelled();
        }

        @Override
        public Logger log() {
            return job.log();
        }
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The pooled-grid extractor (known vectors, no download) as the similarity demo's default model. */
    private void installGridExtractor() throws IOException {
        TestStores.install(new ModelStore(dir.resolve("data"), ModelCatalog.builtIn()), SimilarityDemo.NAME,
                SimilaritySettings.DEFAULT_MODEL, PooledGridGraph.onnx(), PooledGridGraph.contract());
    }

    private TestDemoContext context(Map<String, ?> params, Path... inputs) {
        return TestDemoContext.of(demos.demo(), params, List.of(inputs), dir);
    }

    private Path zip(String name, List<Mat> images) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
            for (int i = 0; i < images.size(); i++) {
                entries.putNextEntry(new ZipEntry((i + 1) + ".png"));
                entries.write(CopiedPictures.png(images.get(i)));
                entries.closeEntry();
            }
        }
        return zip;
    }
}
