package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageException;
import dev.ferry.demos.media.PageRef;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One page through the regions demo: load, detect, post-process, then hand the page to
 * the writer for its crops and overlay. The demo and {@code ferry bench regions} both run
 * pages through this, timed per stage (decoding is timed by {@link PagePrefetcher}).
 *
 * @param squareMargin for {@code postprocess=square}, the margin; negative leaves boxes as detected
 */
record RegionsPipeline(RegionDetector detector, DetectOptions options, double squareMargin, RegionsWriter writer,
                       StageClock clock) {

    /**
     * @throws PageException when the page cannot be decoded or the model fails on it
     */
    PageAnnotations process(PageRef ref, BooleanSupplier cancelled) throws PageException {
        Page page = ref.load();
        try {
            List<Detection> found = detect(page, cancelled);
            if (squareMargin >= 0) {
                Page p = page;
                found = found.stream()
                        .map(d -> d.withBox(SquareBoxes.square(d.box(), squareMargin, p.width(), p.height())))
                        .toList();
            }
            PageAnnotations annotations = writer.write(page, found);
            page = null;
            return annotations;
        } finally {
            if (page != null) {
                page.close();
            }
        }
    }

    private List<Detection> detect(Page page, BooleanSupplier cancelled) throws PageException {
        try {
            return detector.detect(page.image(), options, clock, cancelled);
        } catch (OrtException | IllegalArgumentException e) {
            throw new PageException("the model failed on this page: " + e.getMessage(), e);
        }
    }
}
