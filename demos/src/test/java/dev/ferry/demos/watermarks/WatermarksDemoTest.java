package dev.ferry.demos.watermarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.json.Json;
import dev.ferry.core.sources.Source;
import dev.ferry.core.sources.SourceStore;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.onnx.OnnxGraph;
import dev.ferry.demos.matching.CopiedPictures;
import dev.ferry.demos.matching.Transposition;
import dev.ferry.demos.matching.embedding.PooledGridGraph;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestDemoContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watermarks demo as a worker runs it, against a real source in the data folder: twelve
 * generated tracings, and photos of paper holding one of them turned or mirrored, smaller,
 * fainter and noisy.
 */
class WatermarksDemoTest {
    static final int TRACINGS = 12;

    @TempDir
    Path dir;
    @RegisterExtension
    final TestDemos demos = new TestDemos(new WatermarksDemoFactory(), () -> dir.resolve("data"));

    @Test
    void eachWholePhotoFindsItsTracingAndHowItWasTurned() throws Exception {
        Source source = upload(tracings(-1));
        List<Path> photos = List.of(
                png("a.png", WatermarkPictures.photo(3, Transposition.ROT90, 0.8, 640, 480, 100, 80)),
                png("b.png", WatermarkPictures.photo(7, Transposition.HFLIP, 0.7, 640, 480, 300, 150)),
                png("c.png", WatermarkPictures.photo(10, Transposition.ROT180, 0.9, 640, 480, 200, 100)));
        TestDemoContext ctx = TestDemoContext.of(demos.demo(), Map.of("source", source.uid()), photos, dir);

        JsonNode result = demos.demo().run(ctx);

        assertEquals(3, result.get("queries").asInt(), result.toString());
        assertEquals("computed", result.get("features").asText());
        JsonNode report = read(ctx, "matches.json");
        assertEquals(source.uid(), report.get("source").get("uid").asText());
        assertEquals(TRACINGS, report.get("source").get("images").asInt());
        assertTopMatch(report, 0, 3, Transposition.ROT270);
        assertTopMatch(report, 1, 7, Transposition.HFLIP);
        assertTopMatch(report, 2, 10, Transposition.ROT180);
        JsonNode photo = report.get("photos").get(1);
        assertFalse(photo.get("detected").asBoolean(), "no detector is installed: auto matches the whole photo");
        assertFalse(photo.has("detection"), photo.toString());
        assertEquals("[1]", photo.get("queries").toString());
        assertEquals("[0.0,0.0,1.0,1.0]", report.get("queries").get(1).get("box").toString());
        assertTrue(Files.size(ctx.outputDir().resolve(report.get("queries").get(1).get("crop").asText())) > 0);
        assertEquals("[\"none\"]", report.get("source_flips").toString());
        assertEquals("folder/w07.png", report.get("matches").get(1).get(0).get("source_image").asText());
    }

    @Test
    void aDetectedWatermarkIsCutOutSquaredAndMatched() throws Exception {
        Source source = upload(tracings(-1));
        // a 640 x 640 photo meets the 640 x 640 model input unscaled: model boxes are photo pixels
        float[][] boxes = {
                {140, 140, 80, 80, 0, 0.95f},  // a stamp, the best box: not a watermark, left out
                {396, 296, 192, 192, 1, 0.90f}, // the watermark, where the photo has it
                {80, 540, 60, 60, 1, 0.30f},    // a weak watermark box: listed, not a query
        };
        TestStores.install(new ModelStore(dir.resolve("data"), ModelCatalog.builtIn()), WatermarksDemo.NAME,
                WatermarkSettings.DEFAULT_DETECTOR, TestGraphs.constantDetector(640, v8(boxes), 1, 6, 3),
                TestStores.yoloContract(640, List.of("stamp", "watermark")));
        Path photo = png("photo.png", WatermarkPictures.photo(5, Transposition.ROT270, 0.8, 640, 640, 300, 200));
        TestDemoContext ctx = TestDemoContext.of(demos.demo(), Map.of("source", source.uid(), "detect", "on"),
                List.of(photo), dir);

        demos.demo().run(ctx);

        JsonNode report = read(ctx, "matches.json");
        JsonNode seen = report.get("photos").get(0);
        assertTrue(seen.get("detected").asBoolean());
        assertBox(new double[] {300, 200, 492, 392}, seen.get("detection").get("boxes").get(0));
        assertEquals(2, seen.get("detection").get("boxes").size(), "watermark boxes only: " + seen);
        assertEquals("[0.9,0.3]", seen.get("detection").get("scores").toString());
        assertEquals("[0]", seen.get("queries").toString(), "the weak box is no query");
        // squared: 1.2 x 192 = 230.4 around the centre (396, 296)
        assertBox(new double[] {280, 180, 510, 410}, report.get("queries").get(0).get("box"));
        assertTopMatch(report, 0, 5, Transposition.ROT90);
    }

    @Test
    void theSecondJobOnASourceReadsTheFeaturesTheFirstKept() throws Exception {
        Source source = upload(tracings(-1));
        Path photo = png("photo.png", WatermarkPictures.photo(8, Transposition.VFLIP, 0.75, 640, 480, 50, 60));
        TestDemoContext first = TestDemoContext.of(demos.demo(), Map.of("source", source.uid(), "detect", "off"),
                List.of(photo), dir.resolve("first"));
        assertEquals("computed", demos.demo().run(first).get("features").asText());
        SourceStore store = DemoServices.sources(demos.config());
        // the second job cannot describe the source again: its images are gone
        Files.delete(store.file(source.uid(), SourceStore.IMAGES));

        TestDemoContext second = TestDemoContext.of(demos.demo(), Map.of("source", source.uid(), "detect", "off"),
                List.of(photo), dir.resolve("second"));
        JsonNode result = demos.demo().run(second);

        assertEquals("cached", result.get("features").asText());
        assertTopMatch(read(second, "matches.json"), 0, 8, Transposition.VFLIP);
        assertEquals(1, featureFiles(store, source, "local"));
    }

    @Test
    void embeddingFeaturesAreKeptPerModelAndAModelReplacedIsDescribedAnew() throws Exception {
        Source source = upload(tracings(-1));
        ModelStore models = new ModelStore(dir.resolve("data"), ModelCatalog.builtIn());
        TestStores.install(models, WatermarksDemo.NAME, WatermarkSettings.DEFAULT_MODEL, PooledGridGraph.onnx(),
                PooledGridGraph.contract());
        Path photo = png("photo.png", WatermarkPictures.photo(2, Transposition.NONE, 1.0, 400, 300, 80, 30));
        Map<String, Object> params = Map.of("source", source.uid(), "engine", "embedding", "topk", 5);

        JsonNode first = demos.demo().run(TestDemoContext.of(demos.demo(), params, List.of(photo), dir.resolve("1")));
        TestDemoContext again = TestDemoContext.of(demos.demo(), params, List.of(photo), dir.resolve("2"));
        JsonNode second = demos.demo().run(again);
        TestStores.install(models, WatermarksDemo.NAME, WatermarkSettings.DEFAULT_MODEL, otherGrid(),
                PooledGridGraph.contract());
        JsonNode third = demos.demo().run(TestDemoContext.of(demos.demo(), params, List.of(photo), dir.resolve("3")));

        assertEquals(List.of("computed", "cached", "computed"), Stream.of(first, second, third)
                .map(r -> r.get("features").asText()).toList());
        assertEquals(5, read(again, "matches.json").get("matches").get(0).size(), "the top 5 of 12 images");
        SourceStore store = DemoServices.sources(demos.config());
        assertEquals(2, featureFiles(store, source, "embedding-" + WatermarkSettings.DEFAULT_MODEL),
                "one file per model");
    }

    @Test
    void anUnknownSourceIsRefusedAtSubmitNamingWhereSourcesAreListed() {
        String uid = "01hzzzzzzzzzzzzzzzzzzzzzzz";
        InvalidParamException e = assertThrows(InvalidParamException.class,
                () -> demos.demo().checkReady(demos.demo().params().validate(Map.of("source", uid))));

        assertEquals("source", e.field());
        assertEquals(400, ErrorCode.INVALID_PARAM.status().orElseThrow());
        assertTrue(e.getMessage().contains(uid) && e.getMessage().contains("GET /api/v1/demos/watermarks/sources"),
                e.getMessage());
    }

    @Test
    void detectOnWithoutADetectorAndEmbeddingWithoutAModelAreRefusedAtSubmit() throws Exception {
        Source source = upload(tracings(-1));

        DemoFailure detector = assertThrows(DemoFailure.class, () -> demos.demo().checkReady(
                demos.demo().params().validate(Map.of("source", source.uid(), "detect", "on"))));
        DemoFailure model = assertThrows(DemoFailure.class, () -> demos.demo().checkReady(
                demos.demo().params().validate(Map.of("source", source.uid(), "engine", "embedding"))));

        assertEquals(ErrorCode.MODEL_MISSING, detector.errorCode());
        assertEquals(400, detector.errorCode().status().orElseThrow());
        assertTrue(detector.getMessage().contains("model 'detector' of demo 'watermarks' is not installed"),
                detector.getMessage());
        assertEquals(ErrorCode.MODEL_MISSING, model.errorCode());
        assertTrue(model.getMessage().contains("model 'features'"), model.getMessage());
        demos.demo().checkReady(demos.demo().params().validate(Map.of("source", source.uid())));
    }

    @Test
    void anUnreadablePhotoFailsThatPhotoOnly() throws Exception {
        Source source = upload(tracings(-1));
        Path broken = Files.write(dir.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        Path good = png("good.png", WatermarkPictures.photo(4, Transposition.ROT90, 0.8, 640, 480, 120, 90));
        TestDemoContext ctx = TestDemoContext.of(demos.demo(), Map.of("source", source.uid()), List.of(broken, good), dir);

        JsonNode result = demos.demo().run(ctx);

        assertEquals(1, result.get("photos").asInt(), result.toString());
        JsonNode failed = result.get("failed_pages");
        assertEquals(1, failed.size(), failed.toString());
        assertEquals(1, failed.get(0).get("page").asInt());
        assertFalse(failed.get(0).get("reason").asText().isBlank());
        JsonNode report = read(ctx, "matches.json");
        assertEquals(1, report.get("photos").get(0).get("photo").asInt(), "photos are numbered as pages, from 0");
        assertTopMatch(report, 0, 4, Transposition.ROT270);
    }

    @Test
    void aSourceImageThatCannotBeDecodedIsLeftOutWithAWarning() throws Exception {
        Source source = upload(tracings(6));
        Path photo = png("photo.png", WatermarkPictures.photo(9, Transposition.HFLIP, 0.8, 640, 480, 200, 120));
        TestDemoContext ctx = TestDemoContext.of(demos.demo(), Map.of("source", source.uid()), List.of(photo), dir);

        JsonNode result = demos.demo().run(ctx);

        assertTrue(result.get("warnings").toString().contains("folder/w06.png"), result.toString());
        JsonNode report = read(ctx, "matches.json");
        assertTopMatch(report, 0, 9, Transposition.HFLIP);
        report.get("matches").get(0).forEach(m -> assertTrue(m.get("source_index").asInt() != 6, m.toString()));
        assertEquals(TRACINGS, report.get("source").get("images").asInt(), "index.json still lists it");
    }

    private static void assertTopMatch(JsonNode report, int query, int tracing, Transposition turn) {
        JsonNode best = report.get("matches").get(query).get(0);
        assertEquals(tracing, best.get("source_index").asInt(), report.get("matches").get(query).toString());
        assertEquals(turn.wireName(), best.get("transposition").asText(), best.toString());
        assertEquals(turn.wireName(), report.get("query_flips").get(best.get("best_query_flip").asInt()).asText());
        assertEquals(0, best.get("best_source_flip").asInt());
        assertEquals(query, best.get("query_index").asInt());
    }

    private static void assertBox(double[] pixels, JsonNode relative) {
        for (int i = 0; i < 4; i++) {
            assertEquals(pixels[i] / 640, relative.get(i).asDouble(), 1e-3, relative.toString());
        }
    }

    /** The source's tracings {@code folder/w00.png}..., tracing {@code undecodable} (if any) a PNG with no pixels. */
    private Path tracings(int undecodable) throws IOException {
        Path zip = dir.resolve("tracings-" + System.nanoTime() + ".zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (int i = 0; i < TRACINGS; i++) {
                out.putNextEntry(new ZipEntry(String.format("folder/w%02d.png", i)));
                out.write(i == undecodable ? TestImages.pngHeader(240, 240) : CopiedPictures.png(WatermarkPictures.tracing(i)));
                out.closeEntry();
            }
        }
        return zip;
    }

    private Source upload(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip)) {
            return DemoServices.sources(demos.config()).add(in, Long.MAX_VALUE, "tracings", Map.of());
        }
    }

    private Path png(String name, Mat image) throws IOException {
        return Files.write(dir.resolve(name), CopiedPictures.png(image));
    }

    private static JsonNode read(TestDemoContext ctx, String file) throws IOException {
        return Json.MAPPER.readTree(ctx.outputDir().resolve(file).toFile());
    }

    private static long featureFiles(SourceStore store, Source source, String engine) throws IOException {
        try (Stream<Path> files = Files.list(store.featuresDir(source.uid(), engine))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".features")
                    && !f.getFileName().toString().startsWith(".")).count();
        }
    }

    /** [1, 4+C, N]: one column per box (cx, cy, w, h, class, score). */
    private static float[] v8(float[][] boxes) {
        int n = boxes.length;
        float[] out = new float[6 * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < 4; k++) {
                out[k * n + j] = boxes[j][k];
            }
            out[(4 + (int) boxes[j][4]) * n + j] = boxes[j][5];
        }
        return out;
    }

    /** The pooled-grid extractor under another name: other bytes, so another sha256. */
    private static byte[] otherGrid() {
        long cell = PooledGridGraph.SIDE / PooledGridGraph.GRID;
        return OnnxGraph.named("pooled-grid-again")
                .input("images", OnnxGraph.FLOAT, 1, 3, PooledGridGraph.SIDE, PooledGridGraph.SIDE)
                .node("AveragePool", List.of("images"), List.of("grid"),
                        OnnxGraph.Attr.ints("kernel_shape", cell, cell), OnnxGraph.Attr.ints("strides", cell, cell))
                .node("Flatten", List.of("grid"), List.of("features"), OnnxGraph.Attr.of("axis", 1L))
                .output("features", OnnxGraph.FLOAT, 1, PooledGridGraph.DIMENSION)
                .toBytes();
    }
}
