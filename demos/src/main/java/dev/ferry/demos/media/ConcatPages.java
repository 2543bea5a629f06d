package dev.ferry.demos.media;

import dev.ferry.core.error.ErrorCode;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The pages of several documents in a row, opening each document only when the one
 * before it is used up and closing it right after, so one document is open at a time.
 * A document that cannot be opened becomes one failed page carrying the reason.
 */
final class ConcatPages implements Iterator<PageRef>, AutoCloseable {
    /** A document still to open, with the name to report if opening fails. */
    record Pending(String source, Supplier<Document> opener) {}

    private final List<Pending> pending;
    private int nextDocument;
    private Document current;
    private Iterator<PageRef> currentPages = java.util.Collections.emptyIterator();
    private int yieldedFromCurrent;
    private final List<SkippedEntries> skipped = new CopyOnWriteArrayList<>();

    ConcatPages(List<Pending> pending) {
        this.pending = List.copyOf(pending);
    }

    @Override
    public boolean hasNext() {
        while (!currentPages.hasNext()) {
            closeCurrent();
            if (nextDocument >= pending.size()) {
                return false;
            }
            Pending next = pending.get(nextDocument++);
            try {
                current = next.opener().get();
                currentPages = current.pages();
            } catch (MediaException e) {
                currentPages = List.of(PageRef.failed(next.source(), e)).iterator();
            } catch (RuntimeException e) {
                currentPages = List.of(PageRef.failed(next.source(), new MediaException(ErrorCode.UNREADABLE,
                        "cannot open " + next.source() + ": " + e.getMessage(), e))).iterator();
            }
        }
        return true;
    }

    @Override
    public PageRef next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        yieldedFromCurrent++;
        return currentPages.next();
    }

    /** Pages still expected: what the open document says it has left, plus one per unopened document. */
    int remainingEstimate() {
        int left = pending.size() - nextDocument;
        if (current != null && current.pageCount().isPresent()) {
            left += Math.max(0, current.pageCount().getAsInt() - yieldedFromCurrent);
        }
        return left;
    }

    private void closeCurrent() {
        if (current != null) {
            Document done = current;
            current = null;
            yieldedFromCurrent = 0;
            done.close();
            skipped.addAll(done.skipped());
        }
    }

    /** What the documents read so far skipped; opened and closed on the thread that reads pages. */
    List<SkippedEntries> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public void close() {
        closeCurrent();
        currentPages = java.util.Collections.emptyIterator();
        nextDocument = pending.size();
    }
}
