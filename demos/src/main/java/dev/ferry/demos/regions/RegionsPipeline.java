package dev.ferry.demos.regions;

import ai.onnxruntime.OrtException;
import dev.ferry.demos.detection.DetectOptions;
import dev.ferry.demos.detection.Detection;
import dev.ferry.demos.detection.SquareBoxes;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One decoded page through the regions demo: detect, post-process, then hand the page to
 * the writer for its crops and overlay. The demo and {@code ferry bench regions} both run
 * pages through this, timed per stage (decoding is timed by {@link dev.ferry.demos.media.PageLoop}).
 *
 * @param squareMargin for {@code postprocess=square}, the margin; negative leaves boxes as detected
 * @param reader       with {@code ocr}, reads the text of every region found
 */
record RegionsPipeline(RegionDetector detector, DetectOptions options, double squareMargin, RegionsWriter writer,
                       StageClock clock, Optional<TextReader> reader) {

    RegionsPipeline(RegionDetector detector, DetectOptions options, double squareMargin, RegionsWriter writer,
                    StageClock clock) {
        this(detector, options, squareMargin, writer, clock, Optional.empty());
    }

    /**
     * Takes the page: it is closed here or, once handed to the writer, after its images are written.
     *
     * @param number the page's number in the job, from 1
     * @throws OrtException             when the model fails on this page
     * @throws IllegalArgumentException when the page does not fit the model (e.g. too small)
     */
    PageAnnotations process(int number, Page page, BooleanSupplier cancelled) throws OrtException {
        Page owned = page;
        try {
            List<Detection> found = detector.detect(page.image(), options, clock, cancelled);
            if (squareMargin >= 0) {
                found = found.stream()
                        .map(d -> d.withBox(SquareBoxes.square(d.box(), squareMargin, page.width(), page.height())))
                        .toList();
            }
            List<Detection> ordered = RegionsWriter.inReadingOrder(found);
            Optional<List<LineText>> texts = Optional.empty();
            if (reader.isPresent()) {
                texts = Optional.of(reader.get().read(page.image(), ordered, clock, cancelled));
            }
            PageAnnotations annotations = writer.write(number, page, ordered, texts);
            owned = null;
            return annotations;
        } finally {
            if (owned != null) {
                owned.close();
            }
        }
    }
}
