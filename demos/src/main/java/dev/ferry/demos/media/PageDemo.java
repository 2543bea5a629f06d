package dev.ferry.demos.media;

import dev.ferry.core.demo.Demo;
import java.time.Duration;
import java.util.List;

/**
 * A demo whose inputs are pages: images, ZIPs of images, PDFs, IIIF manifests and lists of
 * URLs or earlier jobs' outputs, read by {@link MediaReader}. What such demos have in common
 * at submit is said here once; a demo overrides what it does differently.
 */
public interface PageDemo extends Demo {
    @Override
    default List<String> accepts() {
        return MediaReader.ACCEPTS;
    }

    /** A job without a page has nothing to do. */
    @Override
    default boolean requiresInput() {
        return true;
    }

    /** Long documents take a while on a CPU. */
    @Override
    default Duration timeLimit() {
        return Duration.ofMinutes(30);
    }
}
