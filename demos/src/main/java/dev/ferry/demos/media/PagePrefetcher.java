package dev.ferry.demos.media;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.media.JobPages;
import dev.ferry.demos.media.MediaException;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageRef;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Takes a job's pages one by one and decodes the next one on a background thread while
 * the current one runs through the model, so reading inputs (opening documents, fetching
 * URLs, decoding) stays off the job's critical path. At most one page waits decoded beyond
 * the one being worked on, so memory stays bounded whatever the job's size. The pages'
 * iterator is only ever touched by the decoding thread.
 */
final class PagePrefetcher implements AutoCloseable {
    /**
     * One page as it came from the inputs: decoded, or the reason it could not be.
     *
     * @param estimatedTotal the job's page count as known when this page was taken, for progress
     */
    public record Taken(int number, String source, Optional<Page> page, Optional<MediaException> failure, int estimatedTotal) {}

    private final JobPages pages;
    private final Iterator<PageRef> refs;
    private final StageClock clock;
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(
            DaemonThreads.named("ferry-page-decode"));
    private Future<Optional<Taken>> ahead;
    private int taken;

    /** Starts decoding the first page at once. */
    public PagePrefetcher(JobPages pages, StageClock clock) {
        this.pages = pages;
        this.refs = pages.iterator();
        this.clock = clock;
        this.ahead = decoder.submit(() -> take(1));
    }

    /**
     * The next page, waiting for it to be decoded, and starts decoding the one after; empty
     * when there are no more. The caller closes the page.
     */
    public Optional<Taken> next() throws InterruptedException {
        if (ahead == null) {
            return Optional.empty();
        }
        Optional<Taken> next = await(ahead);
        ahead = null;
        if (next.isPresent()) {
            int number = ++taken + 1;
            ahead = decoder.submit(() -> take(number));
        }
        return next;
    }

    /**
     * Stops decoding. A page decoded ahead and not taken is closed; one still decoding when
     * the job stops is freed by JavaCPP's collector once the thread lets go of it.
     */
    @Override
    public void close() {
        decoder.shutdownNow();
        Future<Optional<Taken>> left = ahead;
        ahead = null;
        try {
            if (left != null && decoder.awaitTermination(1, TimeUnit.SECONDS) && left.isDone() && !left.isCancelled()) {
                left.get().flatMap(Taken::page).ifPresent(Page::close);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // it failed to decode: nothing to free
        }
    }

    /** Runs on the decoding thread. */
    private Optional<Taken> take(int number) {
        long t = System.nanoTime();
        try {
            if (!refs.hasNext()) {
                return Optional.empty();
            }
            PageRef ref = refs.next();
            try {
                Page page = ref.load();
                return Optional.of(new Taken(number, ref.source(), Optional.of(page), Optional.empty(),
                        pages.estimatedTotal()));
            } catch (MediaException e) {
                return Optional.of(new Taken(number, ref.source(), Optional.empty(), Optional.of(e),
                        pages.estimatedTotal()));
            }
        } finally {
            clock.lap(Stage.DECODE, t);
        }
    }

    private static Optional<Taken> await(Future<Optional<Taken>> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("reading the next page failed", e.getCause());
        }
    }
}
