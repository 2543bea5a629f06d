package dev.ferry.demos.regions;

import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.BackgroundWrites;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageStem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A page's outputs: its regions in whole pixels at once, then one JPEG crop per region and
 * an overlay with the boxes drawn, encoded on a background thread while the next page is
 * decoded and run. At most two pages wait; past that the caller writes itself.
 */
final class RegionsWriter implements AutoCloseable {
    private static final int JPEG_QUALITY = 90;
    /**
     * Regions are numbered as a page is read, top to bottom, then left to right, whatever
     * the model: crop 1 is the top of the page for text lines and figures alike, and each
     * region's confidence is there for whoever wants them best first.
     */
    private static final Comparator<Detection> READING_ORDER =
            Comparator.comparingDouble((Detection d) -> d.box().y1()).thenComparingDouble(d -> d.box().x1());
    /** BGR colours per class, cycled. */
    private static final double[][] PALETTE = {
            {56, 56, 255}, {151, 157, 255}, {31, 112, 255}, {29, 178, 255}, {49, 210, 207},
            {10, 249, 72}, {23, 204, 146}, {134, 219, 61}, {187, 212, 0}, {168, 153, 44}};

    private final Path outputs;
    private final StageClock clock;
    private final BackgroundWrites images = new BackgroundWrites("ferry-regions-output");

    RegionsWriter(Path outputs, StageClock clock) {
        this.outputs = outputs;
        this.clock = clock;
    }

    /**
     * The page's regions; takes the page, whose images are written later and which is then closed.
     *
     * @param number the page's number in the job, from 1; its files are named after it ({@link PageStem})
     */
    PageAnnotations write(int number, Page page, List<Detection> detections) {
        return write(number, page, inReadingOrder(detections), Optional.empty());
    }

    /** Regions in the order {@link #inReadingOrder} gives them. */
    static List<Detection> inReadingOrder(List<Detection> detections) {
        return detections.stream().sorted(READING_ORDER).toList();
    }

    /**
     * As {@link #write(int, Page, List)}, with the text read in each region (same order, regions
     * already in reading order), written as plain text, ALTO and hOCR; without texts, no text files.
     */
    PageAnnotations write(int number, Page page, List<Detection> ordered, Optional<List<LineText>> texts) {
        String stem = PageStem.of(number, page.source());
        List<Region> regions = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        List<PageText.Line> lines = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Detection d = ordered.get(i);
            int id = regions.size() + 1;
            Region r = Region.of(id, d, page.width(), page.height(), "crops/" + stem + "_" + id + ".jpg");
            if (r != null) {
                if (texts.isPresent()) {
                    r = r.withText(texts.get().get(i));
                    lines.add(new PageText.Line(r, texts.get().get(i)));
                }
                regions.add(r);
                classes.add(d.classId());
            }
        }
        String overlay = "overlays/" + stem + ".jpg";
        PageAnnotations.TextFiles textFiles = texts.isEmpty() ? null
                : writeText(stem, new PageText(number, page.source(), page.width(), page.height(), lines));
        PageAnnotations annotations = new PageAnnotations(number, page.source(), page.width(), page.height(),
                overlay, regions, textFiles);
        // from here on the page belongs to the writing thread, which closes it
        images.submit(() -> writeImages(page, regions, classes, overlay));
        return annotations;
    }

    private PageAnnotations.TextFiles writeText(String stem, PageText text) {
        PageAnnotations.TextFiles files = new PageAnnotations.TextFiles(
                "text/" + stem + ".txt", "alto/" + stem + ".xml", "hocr/" + stem + ".html");
        AtomicFiles.write(outputs.resolve(files.plain()), text.plain().getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(outputs.resolve(files.alto()), AltoXml.write(text));
        AtomicFiles.write(outputs.resolve(files.hocr()), Hocr.write(text));
        return files;
    }

    /** Waits for every page's images; rethrows the first failure to write one. */
    void finish() throws InterruptedException {
        images.finish();
    }

    /** Stops writing: after {@link #finish()} there is nothing left; after a failure the rest is dropped. */
    @Override
    public void close() {
        images.close();
    }

    private void writeImages(Page page, List<Region> regions, List<Integer> classes, String overlay) {
        long t = System.nanoTime();
        try (page) {
            for (Region r : regions) {
                try (Rect rect = new Rect(r.x(), r.y(), r.width(), r.height()); Mat view = new Mat(page.image(), rect)) {
                    writeJpeg(view, r.crop());
                }
            }
            try (Mat drawn = page.image().clone()) {
                draw(drawn, regions, classes);
                writeJpeg(drawn, overlay);
            }
        } finally {
            clock.lap(Stage.OUTPUT, t);
        }
    }

    private static void draw(Mat image, List<Region> regions, List<Integer> classes) {
        int thickness = Math.max(2, Math.max(image.cols(), image.rows()) / 500);
        double fontScale = Math.max(0.5, Math.max(image.cols(), image.rows()) / 1500.0);
        for (int i = 0; i < regions.size(); i++) {
            Region r = regions.get(i);
            double[] c = PALETTE[classes.get(i) % PALETTE.length];
            try (Scalar colour = new Scalar(c[0], c[1], c[2], 0);
                 Rect rect = new Rect(r.x(), r.y(), r.width(), r.height());
                 Point origin = new Point(r.x(), Math.max(12, r.y() - thickness - 2))) {
                opencv_imgproc.rectangle(image, rect, colour, thickness, opencv_imgproc.LINE_8, 0);
                String text = r.id() + " " + r.label() + " " + String.format(Locale.ROOT, "%.2f", r.confidence());
                opencv_imgproc.putText(image, text, origin, opencv_imgproc.FONT_HERSHEY_SIMPLEX, fontScale, colour,
                        Math.max(1, thickness / 2), opencv_imgproc.LINE_AA, false);
            }
        }
    }

    private void writeJpeg(Mat image, String relative) {
        try (BytePointer jpeg = new BytePointer();
             IntPointer params = new IntPointer(opencv_imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
            if (!opencv_imgcodecs.imencode(".jpg", image, jpeg, params)) {
                throw new IllegalStateException("OpenCV could not encode " + relative);
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.get(bytes);
            AtomicFiles.write(outputs.resolve(relative), bytes);
        }
    }
}
