package dev.ferry.app.bench;

import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.demo.DemoCatalog;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.Priority;
import dev.ferry.core.queue.NewJob;
import dev.ferry.core.queue.QueueMonitor;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.Submissions;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.core.storage.DataFolder;
import dev.ferry.worker.Worker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import org.redisson.api.RedissonClient;

/**
 * Pushes no-op jobs through the real queue: the same scripts, worker and claim loop as
 * production, with a demo that does nothing, so the figures are the queue's own.
 */
public final class QueueBenchmark {
    private final FerryConfig config;
    private final RedissonClient redis;
    private final DataFolder data;

    public QueueBenchmark(FerryConfig config, RedissonClient redis, DataFolder data) {
        this.config = config;
        this.redis = redis;
        this.data = data;
    }

    public record Result(int jobs, int concurrency, double enqueuePerSecond, double drainPerSecond,
                         int latencyJobs, double offeredPerSecond, double p50Ms, double p99Ms, double maxMs) {}

    public Result run(int jobs, int concurrency, int latencySeconds, int offeredPerSecond) throws Exception {
        return run(jobs, concurrency, latencySeconds, offeredPerSecond, 0);
    }

    /** As {@link #run(int, int, int, int)}, after a first untimed round of {@code warmup} jobs so the JIT has compiled the hot paths. */
    public Result run(int jobs, int concurrency, int latencySeconds, int offeredPerSecond, int warmup) throws Exception {
        if (warmup > 0) {
            measure(warmup, concurrency, 1, offeredPerSecond);
        }
        return measure(jobs, concurrency, latencySeconds, offeredPerSecond);
    }

    private Result measure(int jobs, int concurrency, int latencySeconds, int offeredPerSecond) throws Exception {
        BenchDemo demo = new BenchDemo("bench_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20)));
        RedisScripts scripts = new RedisScripts(redis);
        WorkQueue.ensureGroups(redis, demo.name());
        Submissions submissions = new Submissions(scripts, Integer.MAX_VALUE, Duration.ofMinutes(5));
        QueueMonitor monitor = new QueueMonitor(redis, new WorkerRegistry(scripts));

        double enqueueRate = enqueue(submissions, demo.name(), jobs, concurrency, new ConcurrentHashMap<>());
        long drainStart = System.nanoTime();
        try (Worker worker = Worker.start(config, redis, DemoCatalog.of(List.of(demo), Set.of()), data, new SimpleMeterRegistry())) {
            awaitSucceeded(monitor, demo.name(), jobs);
            double drainRate = jobs / seconds(System.nanoTime() - drainStart);

            Map<String, Long> submitted = new ConcurrentHashMap<>();
            demo.startedNanos().clear();
            int latencyJobs = offer(submissions, demo.name(), latencySeconds * offeredPerSecond, offeredPerSecond, submitted);
            awaitSucceeded(monitor, demo.name(), jobs + latencyJobs);
            double[] latencies = submitted.entrySet().stream()
                    .mapToDouble(e -> (demo.startedNanos().get(e.getKey()) - e.getValue()) / 1e6).toArray();
            Percentiles p = Percentiles.of(latencies);
            return new Result(jobs, concurrency, enqueueRate, drainRate, latencyJobs, offeredPerSecond, p.at(50), p.at(99), p.at(100));
        }
    }

    /** Submits {@code jobs} as fast as {@code concurrency} submits in flight allow; returns jobs/s. */
    private static double enqueue(Submissions submissions, String demo, int jobs, int concurrency, Map<String, Long> submitted)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<?>> all = new ArrayList<>(jobs);
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            inFlight.acquire();
            all.add(submitOne(submissions, demo, submitted).whenComplete((r, e) -> inFlight.release()).toCompletableFuture());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return jobs / seconds(System.nanoTime() - start);
    }

    /** Submits at a steady rate, in 1 ms ticks, the way independent clients would. */
    private static int offer(Submissions submissions, String demo, int jobs, int perSecond, Map<String, Long> submitted)
            throws InterruptedException {
        long start = System.nanoTime();
        List<CompletableFuture<?>> all = new ArrayList<>(jobs);
        for (int i = 0; i < jobs; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            all.add(submitOne(submissions, demo, submitted).toCompletableFuture());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return jobs;
    }

    private static java.util.concurrent.CompletionStage<?> submitOne(Submissions submissions, String demo, Map<String, Long> submitted) {
        JobId id = JobId.generate(demo, System.currentTimeMillis());
        submitted.put(id.toString(), System.nanoTime());
        return submissions.submitAsync(new NewJob(id, Map.of(), Priority.NORMAL, 1, 60_000, Optional.empty()));
    }

    private static void awaitSucceeded(QueueMonitor monitor, String demo, long expected) throws InterruptedException {
        while (monitor.stats(demo).succeededTotal() < expected) {
            Thread.sleep(5);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
