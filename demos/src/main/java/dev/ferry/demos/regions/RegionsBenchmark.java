package dev.ferry.demos.regions;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.demos.DemoServices;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.inference.Inference;
import dev.ferry.demos.inference.ModelLease;
import dev.ferry.demos.inference.ModelRef;
import dev.ferry.demos.inference.ModelStore;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.demos.media.PageLoop;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code ferry bench regions}: the text-line model over rendered A4 pages (JPEG files, 150
 * dpi) through the demo's own page pipeline (the media reader, decoding ahead, writing
 * behind), reporting pages per second and where the time goes. One extra page warms up
 * first and is not counted.
 */
public final class RegionsBenchmark {
    public static final int PAGE_WIDTH = 1240;
    public static final int PAGE_HEIGHT = 1754;

    private RegionsBenchmark() {}

    /**
     * @param outsideInference share of the time spent outside {@code session.run}
     */
    public record Report(String model, String device, int pages, double seconds, double pagesPerSecond,
                         Map<String, Double> msPerPage, double outsideInference) {
        public String format() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                    "regions/%s on %s: %d pages of %dx%d in %.2f s = %.2f pages/s%n", model, device, pages,
                    PAGE_WIDTH, PAGE_HEIGHT, seconds, pagesPerSecond));
            msPerPage.forEach((stage, ms) -> s.append(String.format(Locale.ROOT, "  %-12s %8.1f ms/page%n", stage, ms)));
            s.append("  (pages are decoded and their outputs written on two other threads while a page runs)\n");
            s.append(String.format(Locale.ROOT, "  outside session.run: %.1f%% of the wall time%n", outsideInference * 100));
            return s.toString();
        }
    }

    /** With the settings of {@code config}: its data folder's model store, device, threads, media limits. */
    public static Report run(FerryConfig config, int pages) throws Exception {
        try (DemoServices services = DemoServices.forWorker(config)) {
            return run(services.models(), services.inference(), services.media(), RegionsDemo.DEFAULT_MODEL, pages);
        }
    }

    public static Report run(ModelStore store, Inference inference, MediaReader reader, String model, int pages)
            throws Exception {
        ModelRef ref = new ModelRef(RegionsDemo.NAME, model);
        Path work = Files.createTempDirectory("ferry-bench-regions-");
        try (ModelLease lease = inference.acquire(store.require(ref))) {
            List<Path> files = new ArrayList<>();
            for (int i = 0; i <= pages; i++) {
                byte[] page = jpeg(TextPages.render(PAGE_WIDTH, PAGE_HEIGHT, 28, i));
                files.add(Files.write(work.resolve(String.format(Locale.ROOT, "%03d-page-%d.jpg", i, i)), page));
            }
            Path out = Files.createDirectories(work.resolve("outputs"));
            DetectOptions options = DetectOptions.resolve(lease.contract(), 0, 0, 0);
            RegionDetector detector = RegionDetector.forModel(lease);
            runPages(reader, files.subList(0, 1), detector, options, out, new StageClock());
            StageClock clock = new StageClock();
            long start = System.nanoTime();
            runPages(reader, files.subList(1, files.size()), detector, options, out, clock);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Double> perPage = new LinkedHashMap<>();
            for (Stage stage : Stage.values()) {
                perPage.put(stage.name().toLowerCase(Locale.ROOT), clock.nanos(stage) / 1e6 / pages);
            }
            double outside = 1 - clock.nanos(Stage.INFERENCE) / (seconds * 1e9);
            return new Report(model, inference.device().toString(), pages, seconds, pages / seconds, perPage, outside);
        } finally {
            DataFolder.deleteTree(work);
        }
    }

    /** As the demo runs a job's pages; a page that cannot be read fails the benchmark. */
    private static void runPages(MediaReader reader, List<Path> files, RegionDetector detector, DetectOptions options,
                                 Path out, StageClock clock) throws Exception {
        try (JobPages inputs = reader.pages(files);
             RegionsWriter writer = new RegionsWriter(out, clock)) {
            RegionsPipeline pipeline = new RegionsPipeline(detector, options, -1, writer, clock);
            PageLoop.runAll(inputs, clock, (number, page) -> pipeline.process(number, page, () -> false));
            writer.finish();
        }
    }

    private static byte[] jpeg(TextPages.Rendered page) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(page.image(), "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
