package dev.ferry.demos.vectorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.demo.InvalidParamException;
import dev.ferry.core.job.Progress;
import dev.ferry.core.json.Json;
import dev.ferry.demos.TestDemos;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.InferenceDevice;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import dev.ferry.testkit.TestHttpServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The vectorization demo run in-process as a worker runs it: real files in (every input kind), real files out. */
class VectorizationDemoTest {
    @TempDir
    static Path data;
    static Inference inference;
    static VectorizationDemo demo;

    @TempDir
    Path job;

    @BeforeAll
    static void engine() {
        inference = new Inference(new InferenceSettings(2, "all", 2), InferenceDevice.CPU);
        demo = new VectorizationDemo(TestDemos.services(new ModelStore(data, ModelCatalog.builtIn()), inference,
                TestConfig.in(data).build()));
    }

    @AfterAll
    static void close() {
        inference.close();
    }

    @Test
    void aDiagramComesBackAsSvgJsonAndOverlayAndABrokenPageIsReported() throws Exception {
        Diagrams.Diagram drawn = Diagrams.draw(700, 500, 11);
        Path page = Files.write(job.resolve("000-figure 1.png"), drawn.png());
        Path broken = Files.write(job.resolve("001-broken.png"), "not an image at all".getBytes());
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of(), List.of(page, broken), job);

        JsonNode result = demo.run(ctx);

        assertEquals("opencv", result.get("engine").asText());
        assertTrue(result.path("model").isMissingNode(), result::toString);
        assertEquals(1, result.get("pages").asInt());
        assertEquals("broken.png", result.at("/failed_pages/0/source").asText());
        assertEquals("unsupported_input", result.at("/failed_pages/0/code").asText());
        JsonNode summary = Json.MAPPER.readTree(ctx.outputDir().resolve("vectorization.json").toFile());
        JsonNode entry = summary.at("/pages/0");
        assertEquals("figure 1.png", entry.get("source").asText());
        assertEquals(List.of("0001-figure_1.svg", "0001-figure_1.json", "0001-figure_1.overlay.png"),
                List.of(entry.get("svg").asText(), entry.get("json").asText(), entry.get("overlay").asText()));
        assertEquals(700, entry.get("width").asInt());

        List<Primitive> found = primitives(ctx.outputDir().resolve("0001-figure_1.json"));
        PrimitiveMatcher.Score score = new PrimitiveMatcher.Score(0, 0, 0);
        for (Class<? extends Primitive> kind : List.of(Line.class, Circle.class, Arc.class)) {
            score = score.plus(PrimitiveMatcher.score(drawn.truth(), found, kind, 3));
        }
        assertTrue(score.precision() >= 0.9 && score.recall() >= 0.9, score::toString);
        assertEquals(result.get("lines").asInt() + result.get("circles").asInt() + result.get("arcs").asInt(), found.size());

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ctx.outputDir().resolve("0001-figure_1.svg").toFile());
        assertEquals(result.get("lines").asInt(), svg.getElementsByTagName("line").getLength());
        assertEquals(result.get("circles").asInt(), svg.getElementsByTagName("circle").getLength());
        assertEquals(result.get("arcs").asInt(), svg.getElementsByTagName("path").getLength());
        Element layer = (Element) svg.getElementsByTagName("g").item(0);
        assertEquals("source", layer.getAttribute("id"));
        assertEquals("display:none", layer.getAttribute("style"));
        Element image = (Element) layer.getElementsByTagName("image").item(0);
        assertTrue(image.getAttribute("xlink:href").startsWith("data:image/jpeg;base64,"));
        assertEquals(700, ImageIO.read(ctx.outputDir().resolve("0001-figure_1.overlay.png").toFile()).getWidth());

        try (ZipFile zip = new ZipFile(ctx.outputDir().resolve("vectorization.zip").toFile())) {
            List<String> names = zip.stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("vectorization.json", "0001-figure_1.svg", "0001-figure_1.json",
                    "0001-figure_1.overlay.png"), names);
        }
        List<Progress> progress = ctx.reported();
        assertEquals(new Progress(0, 2, "page 1 of 2: figure 1.png"), progress.get(0));
        assertEquals(new Progress(2, 2, "done"), progress.get(progress.size() - 1));
    }

    @Test
    void regionsVectorizeOnlyTheirBoxesInThePagesPixels() throws Exception {
        List<Primitive> shapes = List.of(
                new Line(30, 40, 170, 150, 1),
                new Circle(320, 100, 45, 1),
                new Arc(200, 330, 60, 200, 340, 1));
        Path page = Files.write(job.resolve("000-page.png"), Diagrams.render(450, 420, shapes, 2.5, 3).png());
        String regions = "[{\"x\": 10, \"y\": 10, \"width\": 190, \"height\": 180},"
                + " {\"x\": 255, \"y\": 35, \"width\": 130, \"height\": 130},"
                + " {\"x\": 2000, \"y\": 0, \"width\": 10, \"height\": 10}]";
        TestDemoContext ctx = TestDemoContext.of(demo, Map.of("regions", regions), List.of(page), job);

        JsonNode result = demo.run(ctx);

        assertEquals(List.of(1, 1, 0), List.of(result.get("lines").asInt(), result.get("circles").asInt(),
                result.get("arcs").asInt()), result::toString);
        assertTrue(result.at("/warnings/0").asText().contains("lies outside the page (450x420)"), result::toString);
        JsonNode pageJson = Json.MAPPER.readTree(ctx.outputDir().resolve("0001-page.json").toFile());
        assertEquals(2, pageJson.get("regions").size());
        for (JsonNode p : pageJson.get("primitives")) {
            Primitive found = Json.MAPPER.treeToValue(p, Primitive.class);
            if (found instanceof Line) {
                assertEquals(1, p.get("region").asInt());
                assertTrue(PrimitiveMatcher.error(shapes.get(0), found) <= 3, p::toString);
            } else {
                assertEquals(2, p.get("region").asInt());
                assertTrue(PrimitiveMatcher.error(shapes.get(1), found) <= 3, p::toString);
            }
        }
    }

    @Test
    void everyInputKindBecomesPagesNamedAfterThem() throws Exception {
        try (TestHttpServer server = new TestHttpServer()) {
            server.body("/scans/plate.png", "image/png", Diagrams.draw(300, 240, 5).png());
            List<Path> inputs = List.of(
                    zip(job.resolve("000-plates.zip"), Map.of("a.png", Diagrams.draw(320, 240, 6).png(),
                            "b.jpg", Diagrams.draw(240, 320, 7).jpeg(), "notes.txt", "notes".getBytes())),
                    Files.write(job.resolve("001-report.pdf"), TestImages.pdf()),
                    Files.writeString(job.resolve("002-inputs.json"),
                            "{\"inputs\": [{\"url\": \"" + server.url("/scans/plate.png") + "\"}]}"));
            VectorizationDemo demo = new VectorizationDemo(TestDemos.services(new ModelStore(data, ModelCatalog.builtIn()),
                    inference, TestConfig.in(job.resolve("data")).set("FERRY_ALLOW_PRIVATE_URLS", true)
                            .set("FERRY_PDF_DPI", 72).build()));
            TestDemoContext ctx = TestDemoContext.of(demo, Map.of("embed_image", false), inputs, job);

            JsonNode result = demo.run(ctx);

            assertEquals(5, result.get("pages").asInt(), result::toString);
            assertEquals("skipped plates.zip!/notes.txt: not an image", result.at("/warnings/0").asText());
            List<String> svgs = new ArrayList<>();
            for (JsonNode p : Json.MAPPER.readTree(ctx.outputDir().resolve("vectorization.json").toFile()).get("pages")) {
                svgs.add(p.get("svg").asText());
                assertTrue(Files.size(ctx.outputDir().resolve(p.get("overlay").asText())) > 0);
                assertTrue(!Files.readString(ctx.outputDir().resolve(p.get("svg").asText())).contains("<image"),
                        "embed_image=false leaves the page out of the SVG");
            }
            assertEquals(List.of("0001-plates.zip_a.svg", "0002-plates.zip_b.svg", "0003-report.pdf_page_1.svg",
                    "0004-report.pdf_page_2.svg", "0005-scans_plate.svg"), svgs);
        }
    }

    @Test
    void aJobWhosePagesAllFailFailsAsBadInput() throws Exception {
        Path page = Files.write(job.resolve("000-page.png"), Diagrams.draw(200, 150, 1).png());
        String outside = "{\"1\": [{\"x\": 500, \"y\": 500, \"width\": 20, \"height\": 20}]}";
        DemoFailure e = assertThrows(DemoFailure.class,
                () -> demo.run(TestDemoContext.of(demo, Map.of("regions", outside), List.of(page), job)));
        assertEquals("bad_input", e.code());
        assertTrue(e.getMessage().contains("every region asked for lies outside the page (200x150)"), e.getMessage());
        JsonNode summary = Json.MAPPER.readTree(job.resolve("outputs/vectorization.json").toFile());
        assertEquals("region_outside", summary.at("/failed_pages/0/code").asText());

        DemoFailure none = assertThrows(DemoFailure.class, () -> demo.run(TestDemoContext.of(demo, Map.of(),
                List.of(zip(job.resolve("000-empty.zip"), Map.of("readme.txt", "no images".getBytes()))), job)));
        assertEquals("bad_input", none.code());
        assertTrue(none.getMessage().contains("hold no pages"), none.getMessage());
    }

    @Test
    void badRegionsAreRefusedAtSubmit() {
        for (String bad : List.of("[{\"x\": 1}]", "not json", "{\"first\": []}", "42",
                "[{\"x\": 1.5, \"y\": 0, \"width\": 2, \"height\": 2}]",
                "[{\"x\": 0, \"y\": 0, \"width\": 0, \"height\": 2}]")) {
            InvalidParamException e = assertThrows(InvalidParamException.class,
                    () -> demo.checkReady(demo.params().validate(Map.of("regions", bad))), bad);
            assertEquals("regions", e.field(), bad);
        }
        String good = "{\"2\": [{\"x\": 0, \"y\": 0, \"width\": 5, \"height\": 5}]}";
        demo.checkReady(demo.params().validate(Map.of("regions", good)));
    }

    static List<Primitive> primitives(Path pageJson) throws Exception {
        List<Primitive> out = new ArrayList<>();
        for (JsonNode p : Json.MAPPER.readTree(pageJson.toFile()).get("primitives")) {
            out.add(Json.MAPPER.treeToValue(p, Primitive.class));
        }
        return out;
    }

    private static Path zip(Path file, Map<String, byte[]> entries) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : entries.keySet().stream().sorted().toList()) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entries.get(name));
                zip.closeEntry();
            }
        }
        return file;
    }
}
