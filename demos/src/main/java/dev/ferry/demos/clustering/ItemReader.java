package dev.ferry.demos.clustering;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.FailedPage;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageFailure;
import dev.ferry.demos.media.PageLoop;
import dev.ferry.demos.media.PageStem;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;

/**
 * Reads a job's pages into {@link Item}s, one page at a time: the engine's features of each
 * page, a thumbnail, and the page itself staged as PNG (at most {@value #ORIGINAL_MAX} pixels
 * a side) to be filed under its cluster later. A page that cannot be read is listed and
 * skipped. The features of all items stay in memory, so their total is bounded.
 */
final class ItemReader {
    static final int THUMBNAIL = 96;
    static final int ORIGINAL_MAX = 1024;
    /** Most feature values (pixels or vector entries) all items together may hold: 128 MB of floats. */
    static final long MAX_VALUES = 32L << 20;

    /** What the engine takes from one page. */
    @FunctionalInterface
    interface Describer {
        Described describe(Mat bgr) throws Exception;
    }

    record Described(float[] features, boolean lightBackground) {}

    record Read(List<Item> items, List<FailedPage> failed, List<String> warnings) {}

    private ItemReader() {}

    /**
     * @param staging       where originals wait, as {@code <name>.png}
     * @param valuesPerItem how many floats one item's features hold, for the memory bound
     * @param progress      told before each page; a cancelled job stops there
     */
    static Read read(JobPages pages, Path staging, Describer describer, long valuesPerItem, PageLoop.Progress progress,
                     Logger log) throws Exception {
        AtomicInteger described = new AtomicInteger();
        PageLoop.Outcome<Item> read = PageLoop.run(pages, new StageClock(), progress, log, (number, page) -> {
            try (page) {
                if ((described.get() + 1) * valuesPerItem > MAX_VALUES) {
                    throw DemoFailure.badInput("too many images to cluster at once: " + (described.get() + 1)
                            + " images of " + valuesPerItem + " values each exceed " + MAX_VALUES + " values in memory;"
                            + " use a smaller size or split the set");
                }
                Item item = item(number, page, describe(describer, page), staging);
                described.incrementAndGet();
                return item;
            }
        });
        return new Read(read.done(), read.failed(), read.warnings());
    }

    /** A model that fails on one image fails that image alone. */
    private static Described describe(Describer describer, Page page) throws PageFailure {
        try {
            return describer.describe(page.image());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PageFailure(ErrorCode.MODEL_FAILED, "the model failed on this image: " + e.getMessage());
        }
    }

    private static Item item(int number, Page page, Described d, Path staging) {
        String name = PageStem.of(number, page.source());
        Path original = staging.resolve(name + ".png");
        AtomicFiles.write(original, Pictures.png(page.image(), ORIGINAL_MAX));
        return new Item(number, page.source(), name, d.features(), d.lightBackground(), original,
                Pictures.png(page.image(), THUMBNAIL));
    }
}
