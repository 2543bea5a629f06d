package dev.ferry.demos.media;

import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;

/**
 * One input made of pages: an image (one page), a ZIP of images, a PDF, a IIIF manifest,
 * or a list of URLs. Pages come one at a time, so a long document never sits in memory
 * whole. Close it to release its file handles.
 */
public interface Document extends AutoCloseable {
    /** Readable origin: the upload's name or the URL. */
    String source();

    /** The pages, in reading order; call once. */
    Iterator<PageRef> pages();

    /** How many pages, when known without reading them. */
    default OptionalInt pageCount() {
        return OptionalInt.empty();
    }

    /** The archives whose entries gave no page, each told once; complete once the document is closed. */
    default List<SkippedEntries> skipped() {
        return List.of();
    }

    @Override
    default void close() {}
}
