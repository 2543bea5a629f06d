package dev.ferry.demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.core.demo.Demo;
import dev.ferry.core.json.Json;
import dev.ferry.core.sources.Source;
import dev.ferry.demos.asr.AsrDemo;
import dev.ferry.demos.asr.AsrTestModels;
import dev.ferry.demos.asr.SyntheticSpeech;
import dev.ferry.demos.clustering.ClusteringDemo;
import dev.ferry.demos.matching.CopiedPictures;
import dev.ferry.demos.matching.Transposition;
import dev.ferry.demos.similarity.SimilarityDemo;
import dev.ferry.demos.sorting.SortingDemo;
import dev.ferry.demos.sorting.SortingTestModels;
import dev.ferry.demos.faces.FacesDemo;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelContract;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.noop.NoopDemo;
import dev.ferry.demos.regions.OcrFidelity;
import dev.ferry.demos.regions.OcrTestModels;
import dev.ferry.demos.regions.PrintedPages;
import dev.ferry.demos.regions.RegionsDemo;
import dev.ferry.demos.regions.TextPages;
import dev.ferry.demos.sign.SignDemo;
import dev.ferry.demos.sign.SignGraphs;
import dev.ferry.demos.testing.TestImages;
import dev.ferry.demos.testing.TestVideos;
import dev.ferry.demos.vectorization.Diagrams;
import dev.ferry.demos.vectorization.VectorizationDemo;
import dev.ferry.demos.watermarks.WatermarksDemo;
import dev.ferry.testkit.TestPhotos;
import dev.ferry.testkit.RepositoryFiles;
import dev.ferry.testkit.TestConfig;
import dev.ferry.testkit.TestDemoContext;
import dev.ferry.testkit.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.bytedeco.opencv.opencv_core.Mat;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file a demo writes is named in its section of docs/demos.md: each demo runs on a small
 * input, and each file it wrote must match a name the section quotes, where a placeholder
 * ({@code <page>}, {@code <k>}) stands for a numbered part and {@code NNNN} for four digits.
 */
class DemoOutputsDocumentedTest {
    /** A name in backticks that looks like a file: a path without spaces ending in an extension. */
    private static final Pattern QUOTED_FILE = Pattern.compile("`([\\w<>./-]+\\.[a-z]+)`");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>/]+>|NNNN");

    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));
    static DemoServices services;

    @TempDir
    Path job;

    @BeforeAll
    static void install() throws IOException {
        models.store.install(new ModelRef(RegionsDemo.NAME, RegionsDemo.DEFAULT_MODEL), TestModels.ppOcrDetector());
        AsrTestModels.installVad(models.store);
        AsrTestModels.installWaveform(models.store, "en", 16_000, "en-US");
        TestStores.install(models.store, SignDemo.NAME, SignDemo.DEFAULT_MODEL, SignGraphs.colourMeans(4, 16, 16, 1),
                Json.MAPPER.readValue("""
                        {"task": "video_classifier", "input": {"name": "video", "width": 16, "height": 16, "channels": "rgb"},
                         "labels": ["red", "green", "blue"], "video": {"layout": "NTCHW", "frames": 4, "resize": 16}}
                        """, ModelContract.class));
        SortingTestModels.install(models.store);
        services = models.services(TestConfig.in(models.folder).build());
    }

    @Test
    void noop() throws Exception {
        assertDocumented(new NoopDemo(), Map.of("echo", "hi"));
    }

    @Test
    void regions() throws Exception {
        assertDocumented(new RegionsDemo(services), Map.of(), page("scan.png", TextPages.render(600, 400, 30, 1).png()));
    }

    @Test
    void regionsWithOcr() throws Exception {
        OcrTestModels.install(models.store);
        assertDocumented(new RegionsDemo(services), Map.of("ocr", "on"),
                page("printed.png", OcrFidelity.page(PrintedPages.PageFont.DEJAVU_SERIF, 1).png()));
    }

    @Test
    void faces() throws Exception {
        assertDocumented(new FacesDemo(services), Map.of(), TestPhotos.docs("face_swapped.jpg"));
    }

    @Test
    void sign() throws Exception {
        assertDocumented(new SignDemo(services), Map.of(),
                TestVideos.counting(job.resolve("clip.mp4"), "mp4", 32, 32, 10, 8, 0));
    }

    @Test
    void asr() throws Exception {
        Path speech = SyntheticSpeech.create().silence(0.5).say("Hello world.").silence(0.5).writeWav(job.resolve("hello.wav"));
        assertDocumented(new AsrDemo(services), Map.of("model", "en"), speech);
    }

    @Test
    void clustering() throws Exception {
        assertDocumented(new ClusteringDemo(services), Map.of("n_prototypes", 2, "size", 32),
                page("light.png", TestImages.gradient(64, 48, ".png")), page("text.png", TestImages.textPage(90, 120)),
                page("dark.png", TestImages.blackBmp(40, 40)));
    }

    @Test
    void vectorization() throws Exception {
        assertDocumented(new VectorizationDemo(services), Map.of(), page("plate.png", Diagrams.draw(300, 200, 1).png()));
    }

    @Test
    void similarity() throws Exception {
        Mat engraving = CopiedPictures.engraving(1, 240);
        Mat copy = CopiedPictures.copy(engraving, Transposition.ROT180, 2);
        assertDocumented(new SimilarityDemo(services), Map.of(), page("a.png", CopiedPictures.png(engraving)),
                page("b.png", CopiedPictures.png(copy)));
    }

    @Test
    void watermarks() throws Exception {
        Path zip = job.resolve("source.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < 3; i++) {
                out.putNextEntry(new java.util.zip.ZipEntry("w" + i + ".png"));
                out.write(CopiedPictures.png(CopiedPictures.engraving(i, 240)));
                out.closeEntry();
            }
        }
        Source source;
        try (var in = Files.newInputStream(zip)) {
            source = services.sources().add(in, Long.MAX_VALUE, "tracings", Map.of());
        }
        Mat copy = CopiedPictures.copy(CopiedPictures.engraving(1, 240), Transposition.ROT90, 3);
        assertDocumented(new WatermarksDemo(services), Map.of("source", source.uid()), page("photo.png",
                CopiedPictures.png(copy)));
    }

    @Test
    void sorting() throws Exception {
        assertDocumented(new SortingDemo(services), Map.of(), SortingTestModels.photo(job.resolve("1500.png")),
                SortingTestModels.photo(job.resolve("1505.png")));
    }

    private Path page(String name, byte[] image) throws IOException {
        return Files.write(job.resolve(name), image);
    }

    private void assertDocumented(Demo demo, Map<String, ?> params, Path... inputs) throws Exception {
        TestDemoContext ctx = TestDemoContext.of(demo, params, List.of(inputs), job);
        demo.run(ctx);
        List<String> written = written(ctx.outputDir());
        assertFalse(written.isEmpty(), demo.name() + " wrote no file");
        List<String> documented = documented(demo.name());
        List<Pattern> patterns = documented.stream().map(DemoOutputsDocumentedTest::pattern).toList();
        List<String> unnamed = written.stream().filter(f -> patterns.stream().noneMatch(p -> p.matcher(f).matches()))
                .toList();
        assertEquals(List.of(), unnamed, "files " + demo.name() + " writes that its section of docs/demos.md does not name"
                + " (it names " + documented + ")");
    }

    private static List<String> written(Path outputs) throws IOException {
        try (Stream<Path> files = Files.walk(outputs)) {
            return files.filter(Files::isRegularFile).map(f -> outputs.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** The file names quoted in the demo's section, from its "## name" heading to the next. */
    private static List<String> documented(String demo) throws IOException {
        String page = Files.readString(RepositoryFiles.find("docs/demos.md"));
        int start = page.indexOf("\n## " + demo + "\n");
        assertFalse(start < 0, "docs/demos.md has no section ## " + demo);
        int end = page.indexOf("\n## ", start + 1);
        Matcher quoted = QUOTED_FILE.matcher(page.substring(start, end < 0 ? page.length() : end));
        return quoted.results().map(m -> m.group(1)).distinct().toList();
    }

    /** A documented name as a pattern: a placeholder is a numbered part (0001-scan, 3), NNNN four digits. */
    private static Pattern pattern(String name) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = PLACEHOLDER.matcher(name);
        int at = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(name.substring(at, placeholder.start())));
            regex.append(placeholder.group().equals("NNNN") ? "[0-9]{4}" : "[0-9][^/]*");
            at = placeholder.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(name.substring(at))).toString());
    }
}
