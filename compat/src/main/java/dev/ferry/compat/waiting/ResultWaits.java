package dev.ferry.compat.waiting;

import dev.ferry.core.concurrent.DaemonThreads;
import dev.ferry.core.config.CompatSettings;
import dev.ferry.core.config.FerryConfig;
import dev.ferry.core.job.Job;
import dev.ferry.core.queue.QueueException;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.Submissions;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.redisson.api.RedissonClient;

/**
 * A protocol's routes that answer with a job's result, as the replaced services did: the job
 * is queued like any other and the request waits for it, within limits. At most
 * {@code FERRY_COMPAT_MAX_WAITING} requests wait at once, so a crowd is refused at the door
 * ({@link TooBusy}) rather than piling up; a job not finished within {@code FERRY_COMPAT_WAIT_S}
 * is cancelled, since its client is told to try again and would otherwise queue it twice.
 */
public final class ResultWaits {
    /** What a refused client is told to wait, in seconds: queues drain at the pace of their workers. */
    public static final int RETRY_AFTER_S = 5;
    private final CompatSettings settings;
    private final Submissions submissions;
    private final JobAwaiter awaiter;
    private final Semaphore seats;

    /** A protocol's own waiting room, under the process's settings. */
    public static ResultWaits of(RedissonClient redis, FerryConfig config) {
        return new ResultWaits(redis, new Submissions(new RedisScripts(redis), config.queue().maxQueued(),
                config.queue().retention()), config.protocols());
    }

    ResultWaits(RedissonClient redis, Submissions submissions, CompatSettings settings) {
        this.settings = settings;
        this.submissions = submissions;
        this.awaiter = new JobAwaiter(redis, Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("ferry-compat-waits")));
        this.seats = new Semaphore(settings.maxWaiting());
    }

    /**
     * Queues a job with {@code submit} and waits for it.
     *
     * @return the finished job, or empty when the wait ran out (the job is then cancelled)
     * @throws TooBusy when every seat is taken; {@code submit}'s own refusals as they are
     */
    public CompletableFuture<Optional<Job>> submitAndWait(Supplier<Job> submit) {
        if (!seats.tryAcquire()) {
            throw new TooBusy(settings.maxWaiting());
        }
        try {
            Job job = submit.get();
            return awaiter.finished(job.id(), settings.maxWait())
                    .thenApply(finished -> {
                        if (finished.isEmpty()) {
                            cancel(job);
                        }
                        return finished;
                    })
                    .whenComplete((finished, error) -> seats.release());
        } catch (RuntimeException e) {
            seats.release();
            throw e;
        }
    }

    private void cancel(Job job) {
        try {
            submissions.cancel(job.id());
        } catch (QueueException finishedMeanwhile) {
            // it ended (or expired) in the instant between the deadline and the cancel: nothing to stop
        }
    }
}
