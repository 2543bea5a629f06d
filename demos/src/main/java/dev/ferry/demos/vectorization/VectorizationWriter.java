package dev.ferry.demos.vectorization;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.BackgroundWrites;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageStem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A page's files: {@code <stem>.json} (every primitive, written at once), then
 * {@code <stem>.svg} (with the page embedded as a hidden JPEG layer) and
 * {@code <stem>.overlay.png}, encoded on a background thread while the next page is read and
 * vectorized. At most two pages wait; past that the caller writes itself.
 */
final class VectorizationWriter implements AutoCloseable {
    private static final int JPEG_QUALITY = 85;

    private final Path outputs;
    private final boolean embedPage;
    private final StageClock clock;
    private final BackgroundWrites images = new BackgroundWrites("ferry-vectorization-output");

    /** @param embedPage whether each SVG carries its page as a hidden image layer */
    VectorizationWriter(Path outputs, boolean embedPage, StageClock clock) {
        this.outputs = outputs;
        this.embedPage = embedPage;
        this.clock = clock;
    }

    /**
     * Writes the page's files; takes the page, which is closed once its images are written.
     *
     * @param number      the page's number in the job, from 1; its files are named after it ({@link PageStem})
     * @param strokeWidth the strokes' width as measured, or 0 when unknown
     */
    PageVectors write(int number, Page page, List<Placed> found, List<CropBox> regions, double strokeWidth) {
        long t = System.nanoTime();
        String stem = PageStem.of(number, page.source());
        List<Primitive> primitives = found.stream().map(p -> p.primitive().rounded()).toList();
        int lines = (int) primitives.stream().filter(p -> p instanceof Line).count();
        int circles = (int) primitives.stream().filter(p -> p instanceof Circle).count();
        PageVectors vectors = new PageVectors(number, page.source(), page.width(), page.height(), regions,
                Primitive.round2(strokeWidth), lines, circles, primitives.size() - lines - circles, stem + ".svg",
                stem + ".json", stem + ".overlay.png");
        AtomicFiles.write(outputs.resolve(vectors.json()), Json.writeBytes(pageJson(vectors, found, primitives)));
        clock.lap(Stage.OUTPUT, t);
        // from here on the page belongs to the writing thread, which closes it
        images.submit(() -> writeImages(page, vectors, primitives, stem));
        return vectors;
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

    private static ObjectNode pageJson(PageVectors vectors, List<Placed> found, List<Primitive> rounded) {
        ObjectNode page = Json.MAPPER.valueToTree(vectors);
        ArrayNode list = page.putArray("primitives");
        for (int i = 0; i < rounded.size(); i++) {
            ObjectNode shape = Json.MAPPER.valueToTree(rounded.get(i));
            ObjectNode entry = list.addObject();
            entry.put("id", i + 1);
            entry.set("type", shape.remove("type"));
            if (!vectors.regions().isEmpty()) {
                entry.put("region", found.get(i).region());
            }
            entry.setAll(shape);
        }
        return page;
    }

    private void writeImages(Page page, PageVectors vectors, List<Primitive> primitives, String stem) {
        long t = System.nanoTime();
        try (page) {
            Optional<byte[]> jpeg = embedPage ? Optional.of(encode(page.image(), ".jpg", vectors.svg())) : Optional.empty();
            String title = stem + ": " + count(vectors.lines(), "line") + ", " + count(vectors.circles(), "circle") + ", "
                    + count(vectors.arcs(), "arc");
            String svg = SvgDrawing.of(page.width(), page.height(), primitives,
                    vectors.strokeWidth() > 0 ? vectors.strokeWidth() : Math.max(page.width(), page.height()) / 500.0,
                    jpeg, title);
            AtomicFiles.write(outputs.resolve(vectors.svg()), svg.getBytes(StandardCharsets.UTF_8));
            try (Mat overlay = OverlayPainter.paint(page.image(), primitives, vectors.regions())) {
                AtomicFiles.write(outputs.resolve(vectors.overlay()), encode(overlay, ".png", vectors.overlay()));
            }
        } finally {
            clock.lap(Stage.OUTPUT, t);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static byte[] encode(Mat image, String ext, String what) {
        int[] params = ext.equals(".jpg") ? new int[] {opencv_imgcodecs.IMWRITE_JPEG_QUALITY, JPEG_QUALITY}
                : new int[] {opencv_imgcodecs.IMWRITE_PNG_COMPRESSION, 1};
        try (BytePointer out = new BytePointer(); IntPointer p = new IntPointer(params)) {
            if (!opencv_imgcodecs.imencode(ext, image, out, p)) {
                throw new IllegalStateException("OpenCV could not encode " + what);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }
}
