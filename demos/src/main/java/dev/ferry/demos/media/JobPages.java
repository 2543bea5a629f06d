package dev.ferry.demos.media;

import java.util.Iterator;
import java.util.List;

/**
 * All pages of one job's inputs, read lazily in input order (see {@link MediaReader#pages}).
 * Iterate once; close when done. Warnings collect what was skipped without failing a page,
 * such as non-image files inside a ZIP.
 */
public final class JobPages implements Iterable<PageRef>, AutoCloseable {
    private final ConcatPages pages;
    private final List<String> warnings;
    private int yielded;

    JobPages(ConcatPages pages, List<String> warnings) {
        this.pages = pages;
        this.warnings = warnings;
    }

    @Override
    public Iterator<PageRef> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return pages.hasNext();
            }

            @Override
            public PageRef next() {
                yielded++;
                return pages.next();
            }
        };
    }

    /** Pages handed out so far plus those still expected; grows as documents are opened. For progress. */
    public int estimatedTotal() {
        return yielded + pages.remainingEstimate();
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The archives whose entries gave no page, one summary each; complete once the pages are used up. */
    public List<SkippedEntries> skipped() {
        return pages.skipped();
    }

    @Override
    public void close() {
        pages.close();
    }
}
