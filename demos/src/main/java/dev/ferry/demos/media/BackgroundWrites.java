package dev.ferry.demos.media;

import dev.ferry.core.concurrent.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes a page's output images on a thread of its own while the next page is computed.
 * At most two pages wait; past that the caller writes itself, so memory stays bounded.
 */
public final class BackgroundWrites implements AutoCloseable {
    private final ThreadPoolExecutor thread;
    private final List<Future<?>> pending = new ArrayList<>();

    public BackgroundWrites(String threadName) {
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
                DaemonThreads.named(threadName), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    public void submit(Runnable write) {
        pending.removeIf(Future::isDone);
        pending.add(thread.submit(write));
    }

    /** Waits for every write; rethrows the first failure. */
    public void finish() throws InterruptedException {
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("writing a page's images failed", e.getCause());
            }
        }
        pending.clear();
    }

    /** Stops writing: after {@link #finish()} there is nothing left; after a failure the rest is dropped. */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
