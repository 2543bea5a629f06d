package dev.ferry.demos.regions;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.job.Progress;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.TestGraphs;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.TestStores;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import dev.ferry.testkit.TestHttpServer;
import dev.ferry.testkit.TestModels;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The regions demo run in-process as a worker runs it: real files in (every input kind), real files out. */
class RegionsDemoTest {
    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));
    static final RegionsDemo demo = new RegionsDemo(models.services(TestConfig.in(models.folder).build()));

    @TempDir
    Path job;

    @BeforeAll
    static void install() throws Exception {
        models.store.install(new ModelRef("regions", "text_lines"), TestModels.ppOcrDetector());
        // v8 layout, 2 anchors: a "stamp" at (100..140, 220..280) in the 640 input, and a weak one
        installYolo("stamps", new float[][] {{120, 250, 40, 60, 0, 0, 0.9f}, {400, 300, 50, 50, 0.1f, 0, 0}});
        // the better box lower on the page: a stamp (0.9) at y 380..420, a figure (0.6) at y 180..220
        installYolo("marks", new float[][] {{120, 400, 40, 40, 0, 0, 0.9f}, {400, 200, 40, 40, 0.6f, 0, 0}});
    }

    /** A YOLOv8-layout model answering the same columns (cx, cy, w, h, then one score per class) for any page. */
    private static void installYolo(String name, float[][] columns) throws Exception {
        int rows = columns[0].length;
        float[] output = new float[rows * columns.length];
        for (int j = 0; j < columns.length; j++) {
            for (int k = 0; k < rows; k++) {
                output[k * columns.length + j] = columns[j][k];
            }
        }
        TestStores.install(models.store, "regions", name, TestGraphs.constantDetector(640, output, 1, rows, columns.length),
                TestStores.yoloContract(640, List.of("figure", "table", "stamp")));
    }

    @Test
    void textLinesComeBackWithCropsOverlaysAndAFailedPageReported() throws Exception {
        TextPages.Rendered rendered = TextPages.render(1000, 1400, 40, 3);
        Path page = Files.write(job.resolve("000-scan.png"), rendered.png());
        Path broken = Files.write(job.resolve("001-broken.png"), "not an image at all".getBytes());
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of(), List.of(page, broken), job);

        JsonNode result = demo.run(ctx);

        assertEquals("text_lines", result.get("model").asText());
        assertEquals("db_text", result.get("task").asText());
        assertEquals(1, result.get("pages").asInt());
        assertEquals(2, result.at("/failed_pages/0/page").asInt());
        assertEquals("broken.png", result.at("/failed_pages/0/source").asText());
        assertEquals("unsupported_input", result.at("/failed_pages/0/code").asText());
        assertTrue(result.at("/failed_pages/0/reason").asText().startsWith("broken.png is not an image"), result.toString());
        assertTrue(result.at("/timings_ms/inference").asDouble() > 0, result.toString());

        JsonNode annotations = Json.MAPPER.readTree(ctx.outputDir().resolve("annotations.json").toFile());
        JsonNode p = annotations.at("/pages/0");
        assertEquals(1, p.get("page").asInt());
        assertEquals("scan.png", p.get("source").asText());
        assertEquals(1000, p.get("width").asInt());
        assertEquals(1400, p.get("height").asInt());
        JsonNode regions = p.get("regions");
        assertEquals(result.get("regions").asInt(), regions.size());
        assertTrue(regions.size() >= 0.9 * rendered.lines().size(), regions.size() + " regions");
        for (JsonNode r : regions) {
            assertEquals("text_line", r.get("label").asText());
            assertEquals(r.get("x").asDouble() / 1000, r.at("/relative/x").asDouble(), 1e-6);
            assertEquals(r.get("height").asDouble() / 1400, r.at("/relative/height").asDouble(), 1e-6);
            assertEquals("crops/0001-scan_" + r.get("id").asInt() + ".jpg", r.get("crop").asText());
            assertTrue(Files.size(ctx.outputDir().resolve(r.get("crop").asText())) > 0);
        }
        assertEquals("overlays/0001-scan.jpg", p.get("overlay").asText());
        assertTrue(Files.size(ctx.outputDir().resolve("overlays/0001-scan.jpg")) > 0);
        assertEquals("broken.png", annotations.at("/failed_pages/0/source").asText());

        List<Progress> progress = ctx.reported();
        assertEquals(new Progress(0, 2, "page 1 of 2: scan.png"), progress.get(0));
        assertEquals(new Progress(2, 2, "done"), progress.get(progress.size() - 1));
    }

    @Test
    void squareBoxesForWatermarks() throws Exception {
        Path page = Files.write(job.resolve("000-wide.png"), TextPages.render(1280, 640, 30, 5).png());
        TestDemoContext ctx = TestDemoContext.of(demo,
                Map.of("model", "stamps", "postprocess", "square", "margin", 0.25), List.of(page), job);

        demo.run(ctx);

        JsonNode regions = Json.MAPPER.readTree(ctx.outputDir().resolve("annotations.json").toFile()).at("/pages/0/regions");
        assertEquals(1, regions.size());
        JsonNode r = regions.get(0);
        assertEquals("stamp", r.get("label").asText());
        assertEquals(0.9, r.get("confidence").asDouble(), 1e-6);
        // (100..140, 220..280) in the input is (200..280, 120..240) on the page: 80×120, squared to 180 with margins
        assertEquals(List.of(150, 90, 180, 180),
                List.of(r.get("x").asInt(), r.get("y").asInt(), r.get("width").asInt(), r.get("height").asInt()));
    }

    @Test
    void regionsAreNumberedTopToBottomWhateverTheirScore() throws Exception {
        Path page = Files.write(job.resolve("000-wide.png"), TextPages.render(1280, 640, 30, 5).png());
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of("model", "marks"), List.of(page), job);

        demo.run(ctx);

        JsonNode regions = Json.MAPPER.readTree(ctx.outputDir().resolve("annotations.json").toFile()).at("/pages/0/regions");
        assertEquals(2, regions.size());
        assertEquals(List.of(1, "figure", 0.6, "crops/0001-wide_1.jpg"), List.of(regions.get(0).get("id").asInt(),
                regions.get(0).get("label").asText(), regions.get(0).get("confidence").asDouble(), regions.get(0).get("crop").asText()));
        assertEquals(List.of(2, "stamp", 0.9, "crops/0001-wide_2.jpg"), List.of(regions.get(1).get("id").asInt(),
                regions.get(1).get("label").asText(), regions.get(1).get("confidence").asDouble(), regions.get(1).get("crop").asText()));
        assertTrue(regions.get(0).get("y").asInt() < regions.get(1).get("y").asInt());
    }

    @Test
    void everyInputKindBecomesPagesWithFilesNamedUniquelyAfterThem() throws Exception {
        try (TestHttpServer server = new TestHttpServer()) {
            server.body("/static/p3.png", "image/png", TestImages.gradient(320, 200, ".png"))
                    .body("/files/photo.webp", "image/webp", TestImages.gradient(300, 200, ".webp"))
                    .body("/v3/manifest.json", "application/ld+json", ("""
                            {"@context": "http://iiif.io/api/presentation/3/context.json",
                             "id": "%1$s/v3/manifest.json", "type": "Manifest", "label": {"en": ["One leaf"]},
                             "items": [{"id": "%1$s/v3/canvas/1", "type": "Canvas", "width": 320, "height": 200,
                               "items": [{"id": "%1$s/v3/page/1", "type": "AnnotationPage", "items": [
                                 {"id": "%1$s/v3/anno/1", "type": "Annotation", "motivation": "painting",
                                  "target": "%1$s/v3/canvas/1",
                                  "body": {"id": "%1$s/static/p3.png", "type": "Image", "format": "image/png"}}]}]}]}
                            """).formatted(server.url("")).getBytes());
            List<Path> inputs = List.of(
                    Files.write(job.resolve("000-scan.png"), TestImages.gradient(800, 600, ".png")),
                    Files.write(job.resolve("001-scan.png"), TestImages.gradient(700, 500, ".png")),
                    zip(job.resolve("002-scans.zip"), Map.of("p1.png", TestImages.gradient(400, 300, ".png"),
                            "p2.jpg", TestImages.gradient(300, 400, ".jpg"), "readme.txt", "notes".getBytes())),
                    Files.write(job.resolve("003-report.pdf"), TestImages.pdf()),
                    Files.writeString(job.resolve("004-inputs.json"), "{\"inputs\": [{\"url\": \""
                            + server.url("/v3/manifest.json") + "\"}, {\"url\": \"" + server.url("/files/photo.webp") + "\"}]}"));
            RegionsDemo demo = new RegionsDemo(models.services(TestConfig.in(job.resolve("data"))
                    .set("FERRY_ALLOW_PRIVATE_URLS", true).set("FERRY_PDF_DPI", 72).build()));
            TestDemoContext ctx = TestDemoContext.of(demo, Map.of("model", "stamps"), inputs, job);

            JsonNode result = demo.run(ctx);

            assertEquals(8, result.get("pages").asInt(), result.toString());
            assertEquals(0, result.get("failed_pages").size(), result.toString());
            assertEquals(List.of("skipped scans.zip!/readme.txt: not an image"),
                    Json.MAPPER.convertValue(result.get("warnings"), List.class));
            JsonNode pages = Json.MAPPER.readTree(ctx.outputDir().resolve("annotations.json").toFile()).get("pages");
            List<String> sources = new ArrayList<>();
            List<String> overlays = new ArrayList<>();
            for (JsonNode page : pages) {
                sources.add(page.get("source").asText());
                overlays.add(page.get("overlay").asText());
                assertTrue(Files.size(ctx.outputDir().resolve(page.get("overlay").asText())) > 0);
                for (JsonNode r : page.get("regions")) {
                    assertTrue(r.get("crop").asText().startsWith(page.get("overlay").asText()
                            .replace("overlays/", "crops/").replace(".jpg", "_")), r.toString());
                }
            }
            assertEquals(List.of("scan.png", "scan.png", "scans.zip!/p1.png", "scans.zip!/p2.jpg", "report.pdf#page=1",
                    "report.pdf#page=2", server.url("/static/p3.png"), server.url("/files/photo.webp")), sources);
            assertEquals(List.of("overlays/0001-scan.jpg", "overlays/0002-scan.jpg", "overlays/0003-scans.zip_p1.jpg",
                    "overlays/0004-scans.zip_p2.jpg", "overlays/0005-report.pdf_page_1.jpg",
                    "overlays/0006-report.pdf_page_2.jpg", "overlays/0007-static_p3.jpg", "overlays/0008-files_photo.jpg"),
                    overlays);
            assertEquals(new Progress(8, 8, "done"), ctx.reported().get(ctx.reported().size() - 1));
        }
    }

    @Test
    void aMissingModelFailsWithTheCommandThatInstallsIt() {
        ModelStore empty = new ModelStore(job, ModelCatalog.builtIn());
        RegionsDemo fresh = new RegionsDemo(TestDemos.services(empty, models.inference, TestConfig.in(models.folder).build()));
        DemoFailure e = assertThrows(DemoFailure.class,
                () -> fresh.run(TestDemoContext.of(fresh, Map.of(), List.of(), job)));
        assertEquals("model_missing", e.code());
        assertTrue(!e.retryable());
        assertTrue(e.getMessage().contains("`ferry models pull regions text_lines`"), e.getMessage());
        assertEquals("model_missing", assertThrows(DemoFailure.class,
                () -> fresh.checkReady(fresh.params().validate(Map.of()))).code(), "refused at submit too");
    }

    @Test
    void aModelOutsideTheManifestSaysHowToInstallIt() {
        DemoFailure e = assertThrows(DemoFailure.class,
                () -> demo.run(TestDemoContext.of(demo, Map.of("model", "illustrations"), List.of(), job)));
        assertEquals("model_missing", e.code());
        assertTrue(e.getMessage().contains("ferry models install regions illustrations --from <model.onnx>"),
                e.getMessage());
        assertDoesNotThrow(() -> demo.checkReady(demo.params().validate(Map.of())));
    }

    @Test
    void aJobWhosePagesAllFailIsBadInput() throws Exception {
        Path broken = Files.write(job.resolve("000-a.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2, 3});
        DemoFailure e = assertThrows(DemoFailure.class,
                () -> demo.run(TestDemoContext.of(demo, Map.of(), List.of(broken), job)));
        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().startsWith("no page could be processed: [a.jpg: "), e.getMessage());
    }

    @Test
    void aCancelledJobStops() throws Exception {
        Path page = Files.write(job.resolve("000-scan.png"), TextPages.render(400, 300, 30, 1).png());
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of(), List.of(page), job);
        ctx.cancel();
        assertThrows(JobCancelledException.class, () -> demo.run(ctx));
    }

    private static Path zip(Path file, Map<String, byte[]> entries) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
