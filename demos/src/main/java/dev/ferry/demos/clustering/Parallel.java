package dev.ferry.demos.clustering;

import dev.ferry.core.demo.JobCancelledException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The threads one clustering job computes on. Work is split by item and every item's result
 * lands in its own slot, so the order threads finish in never changes a result; sums over
 * items are taken afterwards, in item order, on the caller's thread.
 */
final class Parallel implements AutoCloseable {
    private final ForkJoinPool pool;

    Parallel(int threads) {
        this.pool = new ForkJoinPool(Math.max(1, threads));
    }

    /** All cores of this machine. */
    static Parallel allCores() {
        return new Parallel(Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code body} for 0..n−1 on the pool's threads and waits; the first failure is rethrown. */
    void forEach(int n, IntConsumer body) {
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException("clustering interrupted");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
