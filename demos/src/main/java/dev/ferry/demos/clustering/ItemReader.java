package dev.ferry.demos.clustering;

import dev.ferry.core.demo.DemoFailure;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.demos.media.FailedPage;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaException;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageRef;
import dev.ferry.demos.media.PageStem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

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

    /** Told before each page; a cancelled job stops there. */
    @FunctionalInterface
    interface Progress {
        void page(int number, int estimatedTotal, String source);
    }

    record Read(List<Item> items, List<FailedPage> failed, List<String> warnings) {}

    private ItemReader() {}

    /**
     * @param staging       where originals wait, as {@code <name>.png}
     * @param valuesPerItem how many floats one item's features hold, for the memory bound
     */
    static Read read(JobPages pages, Path staging, Describer describer, long valuesPerItem, Progress progress) {
        List<Item> items = new ArrayList<>();
        List<FailedPage> failed = new ArrayList<>();
        int number = 0;
        for (PageRef ref : pages) {
            number++;
            progress.page(number, Math.max(number, pages.estimatedTotal()), ref.source());
            if ((items.size() + 1) * valuesPerItem > MAX_VALUES) {
                throw DemoFailure.badInput("too many images to cluster at once: " + (items.size() + 1) + " images of "
                        + valuesPerItem + " values each exceed " + MAX_VALUES + " values in memory; use a smaller size"
                        + " or split the set");
            }
            try (Page page = ref.load()) {
                Described d;
                try {
                    d = describer.describe(page.image());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    failed.add(new FailedPage(number, ref.source(), ErrorCode.MODEL_FAILED,
                            "the model failed on this image: " + e.getMessage()));
                    continue;
                }
                String name = PageStem.of(number, ref.source());
                Path original = staging.resolve(name + ".png");
                AtomicFiles.write(original, Pictures.png(page.image(), ORIGINAL_MAX));
                items.add(new Item(number, ref.source(), name, d.features(), d.lightBackground(), original,
                        Pictures.png(page.image(), THUMBNAIL)));
            } catch (MediaException e) {
                failed.add(new FailedPage(number, ref.source(), e.errorCode(), e.getMessage()));
            }
        }
        return new Read(items, failed, pages.warnings());
    }
}
