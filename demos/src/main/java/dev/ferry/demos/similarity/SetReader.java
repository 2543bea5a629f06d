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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Reads a job's inputs, one document (input file) after another and one image at a time,
 * into an engine, which keeps its descriptors; a small copy of each image is staged on disk
 * for the pictures of pairs, so no image stays in memory. With crops, the images are the
 * crops, cut from their pages as these are read, and pages without one are passed over.
 */
final class SetReader {
    static final int STAGED_SIDE = 512;

    /** The index of what was read; {@code sources} maps a document key to its input's name. */
    record Read(List<IndexedImage> images, Map<String, Source> sources, List<FailedPage> failed, List<String> warnings) {}

    /** One document: an input file, as pairs.json's index lists it. */
    record Source(int input, String name) {}

    private SetReader() {}

    /** @param crops the regions to compare instead of whole pages; empty: whole pages */
    static Read read(DemoContext ctx, MediaReader media, SimilarityEngine engine, Path staging, List<Crop> crops)
            throws Exception {
        List<IndexedImage> images = new ArrayList<>();
        Map<String, Source> sources = new LinkedHashMap<>();
        List<FailedPage> failed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Crop, String> found = new HashMap<>();
        List<Path> inputs = ctx.inputs();
        for (int n = 1; n <= inputs.size(); n++) {
            String doc = Integer.toString(n);
            int input = n;
            List<Crop> mine = crops.stream().filter(c -> c.input() == input).toList();
            sources.put(doc, new Source(n, JobInputs.originalName(inputs.get(n - 1))));
            try (JobPages pages = media.pages(List.of(inputs.get(n - 1)))) {
                PageLoop.Outcome<List<IndexedImage>> outcome = PageLoop.run(pages, new StageClock(),
                        (number, total, source) -> ctx.progress(engine.size(), engine.size() + total - number + 1,
                                "reading image " + (engine.size() + 1) + ": " + source),
                        ctx.log(), (number, page) -> crops.isEmpty() ? List.of(addPage(page, doc, engine, staging))
                                : addCrops(page, doc, mine, found, engine, staging));
                outcome.done().forEach(images::addAll);
                failed.addAll(outcome.failed());
                warnings.addAll(outcome.warnings());
            }
            mine.stream().filter(c -> !found.containsKey(c)).forEach(c -> warnings.add("crop '" + c.id() + "' names image '"
                    + c.image() + "', which is no page of input " + input + " (" + sources.get(doc).name() + "); left out"));
        }
        return new Read(images, sources, failed, warnings);
    }

    /** The page as the engine's next image. */
    private static IndexedImage addPage(Page page, String doc, SimilarityEngine engine, Path staging) {
        try (page) {
            return add(page.image(), doc, page.source(), Optional.empty(), engine, staging);
        }
    }

    /**
     * The crops of the page, each as the engine's next image. A crop whose image names a second
     * page is ambiguous: the job fails rather than compare a region of a page the client may not mean.
     */
    private static List<IndexedImage> addCrops(Page page, String doc, List<Crop> crops, Map<Crop, String> found,
                                               SimilarityEngine engine, Path staging) {
        try (page) {
            List<IndexedImage> added = new ArrayList<>();
            for (Crop crop : crops) {
                if (!crop.names(page.source())) {
                    continue;
                }
                String earlier = found.putIfAbsent(crop, page.source());
                if (earlier != null) {
                    throw DemoFailure.badInput("crop '" + crop.id() + "' names image '" + crop.image() + "', which is two pages"
                            + " of input " + crop.input() + ": " + earlier + " and " + page.source() + "; name its page by"
                            + " the source pairs.json lists for it");
                }
                try (Rect rect = pixels(crop.box(), page.width(), page.height()); Mat region = new Mat(page.image(), rect);
                     Mat own = region.clone()) {
                    added.add(add(own, doc, page.source(), Optional.of(crop), engine, staging));
                }
            }
            return added;
        }
    }

    /** The box in the page's pixels, at least one pixel a side. */
    static Rect pixels(List<Double> box, int width, int height) {
        int x1 = Math.min(width - 1, (int) Math.floor(box.get(0) * width));
        int y1 = Math.min(height - 1, (int) Math.floor(box.get(1) * height));
        int x2 = Math.max(x1 + 1, Math.min(width, (int) Math.ceil(box.get(2) * width)));
        int y2 = Math.max(y1 + 1, Math.min(height, (int) Math.ceil(box.get(3) * height)));
        return new Rect(x1, y1, x2 - x1, y2 - y1);
    }

    /** The image as the engine's next, numbered as the engine numbers it, with a small copy staged. */
    private static IndexedImage add(Mat image, String doc, String source, Optional<Crop> crop, SimilarityEngine engine,
                                    Path staging) {
        int number = engine.size();
        if (number >= engine.capacity()) {
            throw DemoFailure.badInput("too many images: this engine compares at most " + engine.capacity()
                    + " images in one job; split the set, send queries against a smaller corpus, or use engine"
                    + " embedding without rerank");
        }
        engine.add(image);
        double scale = Math.min(1.0, (double) STAGED_SIDE / Math.max(image.cols(), image.rows()));
        Path staged = staging.resolve(number + ".jpg");
        AtomicFiles.write(staged, jpeg(image, scale));
        return new IndexedImage(number, crop.map(Crop::id), doc, source, crop.map(Crop::box), image.cols(), image.rows(),
                staged, scale);
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
