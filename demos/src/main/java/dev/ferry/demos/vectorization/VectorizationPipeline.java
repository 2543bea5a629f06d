package dev.ferry.demos.vectorization;

import ai.onnxruntime.OrtException;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * One decoded page through the vectorization demo: each region asked for (or the whole page)
 * vectorized on its own, what it holds moved to the page's pixels, then the page handed to
 * the writer. The demo and {@code ferry bench vectorization} both run pages through this.
 */
record VectorizationPipeline(Vectorizer vectorizer, CropBoxes boxes, VectorizationWriter writer, StageClock clock,
                             Consumer<String> warnings) {

    /**
     * Takes the page: it is closed here or, once handed to the writer, after its files are written.
     *
     * @param number the page's number in the job, from 1
     * @throws OrtException when a model fails on this page
     * @throws PageRefused  when every region asked for lies outside the page
     */
    PageVectors process(int number, Page page, BooleanSupplier cancelled) throws OrtException {
        Page owned = page;
        try {
            List<CropBox> regions = regions(number, page);
            List<Placed> found = new ArrayList<>();
            double strokeWidth = 0;
            if (regions.isEmpty()) {
                Vectorizer.Result r = vectorizer.vectorize(page.image(), clock, cancelled);
                r.primitives().forEach(p -> found.add(new Placed(p, 0)));
                strokeWidth = r.strokeWidth();
            } else {
                double inked = 0;
                for (int i = 0; i < regions.size(); i++) {
                    CropBox box = regions.get(i);
                    Vectorizer.Result r;
                    try (Rect rect = new Rect(box.x(), box.y(), box.width(), box.height());
                         Mat crop = new Mat(page.image(), rect)) {
                        r = vectorizer.vectorize(crop, clock, cancelled);
                    }
                    for (Primitive p : r.primitives()) {
                        found.add(new Placed(p.shifted(box.x(), box.y()), i + 1));
                    }
                    strokeWidth += r.strokeWidth() * box.width() * (double) box.height();
                    inked += box.width() * (double) box.height();
                }
                strokeWidth /= inked;
            }
            PageVectors vectors = writer.write(number, page, found, regions, strokeWidth);
            owned = null;
            return vectors;
        } finally {
            if (owned != null) {
                owned.close();
            }
        }
    }

    /** The job's boxes for this page cut to it; empty for the whole page. */
    private List<CropBox> regions(int number, Page page) {
        List<CropBox> asked = boxes.forPage(number);
        List<CropBox> inside = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            CropBox clipped = asked.get(i).clip(page.width(), page.height());
            if (clipped.isEmpty()) {
                CropBox b = asked.get(i);
                warnings.accept("page " + number + ": the region at x=" + b.x() + ", y=" + b.y() + " (" + b.width() + "x"
                        + b.height() + ") lies outside the page (" + page.width() + "x" + page.height() + "), skipped");
            } else {
                inside.add(clipped);
            }
        }
        if (!asked.isEmpty() && inside.isEmpty()) {
            throw new PageRefused(ErrorCode.REGION_OUTSIDE, "every region asked for lies outside the page ("
                    + page.width() + "x" + page.height() + ")");
        }
        return inside;
    }
}
