package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;

/**
 * A page not yet decoded: its source is known, its pixels are read only by {@link #load()},
 * which is where a bad page fails. A demo loads one page at a time and reports a
 * {@link MediaException} for that page alone.
 */
public final class PageRef {
    private final String source;
    private final Loader loader;

    /** Produces the page's pixels, or fails with a {@link MediaException}. */
    @FunctionalInterface
    public interface Loader {
        org.bytedeco.opencv.opencv_core.Mat load();
    }

    public PageRef(String source, Loader loader) {
        this.source = source;
        this.loader = loader;
    }

    /** A page known to be unreadable already, e.g. an input that could not be opened. */
    public static PageRef failed(String source, MediaException reason) {
        return new PageRef(source, () -> {
            throw reason;
        });
    }

    public String source() {
        return source;
    }

    /**
     * Decodes the page. Close the result.
     *
     * @throws MediaException with the reason this page cannot be used
     */
    public Page load() {
        try {
            return new Page(source, loader.load());
        } catch (MediaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MediaException(ErrorCode.UNREADABLE, "cannot read " + source + ": " + e.getMessage(), e);
        }
    }
}
