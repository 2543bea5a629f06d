package dev.ferry.demos.regions;

import dev.ferry.demos.inference.StageClock;
import dev.ferry.demos.inference.StageClock.Stage;
import dev.ferry.demos.media.Page;
import dev.ferry.demos.media.PageException;
import dev.ferry.demos.media.PageRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Decodes the next page on a background thread while the current one runs through the
 * model, so decoding is off the job's critical path. Pages must be loaded in order; at
 * most one decoded page waits.
 */
final class PagePrefetcher implements AutoCloseable {
    private final List<PageRef> refs;
    private final StageClock clock;
    private final ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ferry-regions-decode");
        t.setDaemon(true);
        return t;
    });
    private final Map<Integer, Future<Page>> ahead = new HashMap<>();

    PagePrefetcher(List<PageRef> refs, StageClock clock) {
        this.refs = List.copyOf(refs);
        this.clock = clock;
    }

    /** The same pages; loading one starts decoding the next. */
    List<PageRef> pages() {
        return IntStream.range(0, refs.size()).mapToObj(i -> (PageRef) new Ahead(i)).toList();
    }

    @Override
    public void close() {
        decoder.shutdownNow();
        for (Future<Page> f : ahead.values()) {
            if (f.isDone() && !f.isCancelled()) {
                try {
                    f.get().close();
                } catch (ExecutionException | InterruptedException | RuntimeException e) {
                    // it failed to decode: nothing to free
                }
            }
        }
    }

    private Page load(int i) throws PageException {
        Future<Page> page = ahead.remove(i);
        if (page == null) {
            page = decode(i);
        }
        if (i + 1 < refs.size()) {
            ahead.put(i + 1, decode(i + 1));
        }
        try {
            return page.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PageException p) {
                throw p;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("decoding page " + refs.get(i).source() + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PageException("interrupted while decoding", e);
        }
    }

    private Future<Page> decode(int i) {
        return decoder.submit(() -> {
            long t = System.nanoTime();
            try {
                return refs.get(i).load();
            } finally {
                clock.lap(Stage.DECODE, t);
            }
        });
    }

    private final class Ahead implements PageRef {
        private final int index;

        Ahead(int index) {
            this.index = index;
        }

        @Override
        public String name() {
            return refs.get(index).name();
        }

        @Override
        public String source() {
            return refs.get(index).source();
        }

        @Override
        public Page load() throws PageException {
            return PagePrefetcher.this.load(index);
        }
    }
}
