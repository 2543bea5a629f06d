package dev.ferry.demos.similarity;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.ferry.core.demo.DemoContext;
import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.JobInputs;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.matching.SimilarityEngine;
import dev.ferry.demos.media.FailedPage;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaReader;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageLoop;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Reads a job's inputs, one document (input file) after another and one image at a time,
 * into an engine, which keeps its descriptors; a small copy of each image is staged on disk
 * for the pictures of pairs, so no image stays in memory.
 */
final class SetReader {
    static final int STAGED_SIDE = 512;

    /** The index of what was read; {@code sources} maps a document key to its input's name. */
    record Read(List<IndexedImage> images, Map<String, Source> sources, List<FailedPage> failed, List<String> warnings) {}

    /** One document: an input file, as pairs.json's index lists it. */
    record Source(int input, String name) {}

    private SetReader() {}

    static Read read(DemoContext ctx, MediaReader media, SimilarityEngine engine, Path staging) throws Exception {
        List<IndexedImage> images = new ArrayList<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        List<FailedPage> failed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Path> inputs = ctx.inputs();
        for (int n = 1; n <= inputs.size(); n++) {
            String doc = Integer.toString(n);
            sources.put(doc, new Source(n, JobInputs.originalName(inputs.get(n - 1))));
            try (JobPages pages = media.pages(List.of(inputs.get(n - 1)))) {
                PageLoop.Outcome<IndexedImage> outcome = PageLoop.run(pages, new StageClock(),
                        (number, total, source) -> ctx.progress(engine.size(), engine.size() + total - number + 1,
                                "reading image " + (engine.size() + 1) + ": " + source),
                        ctx.log(), (number, page) -> add(page, doc, engine, staging));
                images.addAll(outcome.done());
                failed.addAll(outcome.failed());
                warnings.addAll(outcome.warnings());
            }
        }
        return new Read(images, sources, failed, warnings);
    }

    /** The page as the engine's next image, numbered as the engine numbers it. */
    private static IndexedImage add(Page page, String doc, SimilarityEngine engine, Path staging) {
        try (page) {
            int image = engine.size();
            if (image >= engine.capacity()) {
                throw DemoFailure.badInput("too many images: this engine compares at most " + engine.capacity()
                        + " images in one job; split the set, send queries against a smaller corpus, or use engine"
                        + " embedding without rerank");
            }
            engine.add(page.image());
            double scale = Math.min(1.0, (double) STAGED_SIDE / Math.max(page.width(), page.height()));
            Path staged = staging.resolve(image + ".jpg");
            AtomicFiles.write(staged, jpeg(page.image(), scale));
            return new IndexedImage(image, doc, page.source(), page.width(), page.height(), staged, scale);
        }
    }

    /** The image scaled by {@code scale}, as JPEG. */
    private static byte[] jpeg(Mat image, double scale) {
        try (Mat small = new Mat(); Size to = new Size(Math.max(1, (int) Math.round(image.cols() * scale)),
                Math.max(1, (int) Math.round(image.rows() * scale)))) {
            resize(image, small, to, 0, 0, INTER_AREA);
            return Jpeg.encode(small);
        }
    }
}
