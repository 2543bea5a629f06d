package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageException;
import dev.ferry.demos.media.PageRef;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bytedeco.javacpp.PointerScope;

/**
 * One page through the regions demo: decode, detect, post-process, write crops and overlay.
 * The demo and {@code ferry bench regions} both run pages through this, timed per stage.
 *
 * @param squareMargin for {@code postprocess=square}, the margin; negative leaves boxes as detected
 */
record RegionsPipeline(RegionDetector detector, DetectOptions options, double squareMargin, RegionsWriter writer,
                       StageClock clock) {

    /**
     * @throws PageException when the page cannot be decoded or the model fails on it
     */
    PageAnnotations process(PageRef ref, BooleanSupplier cancelled) throws PageException {
        // frees each page's native memory at once, not at some later garbage collection
        try (PointerScope scope = new PointerScope()) {
            long t = System.nanoTime();
            try (Page page = ref.load()) {
                clock.lap(Stage.DECODE, t);
                List<Detection> found = detect(page, cancelled);
                t = System.nanoTime();
                if (squareMargin >= 0) {
                    found = found.stream()
                            .map(d -> d.withBox(SquareBoxes.square(d.box(), squareMargin, page.width(), page.height())))
                            .toList();
                }
                PageAnnotations annotations = writer.write(page, found);
                clock.lap(Stage.OUTPUT, t);
                return annotations;
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
