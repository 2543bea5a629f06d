package dev.ferry.compat.waiting;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.JobReader;
import dev.ferry.core.queue.QueueKeys;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Waits for a job to end without holding an HTTP thread: the job's event channel says when to
 * look, and a poll covers a message pub/sub dropped, as the native event stream does.
 */
final class JobAwaiter {
    static final long POLL_MS = 500;
    private final RedissonClient redis;
    private final JobReader reader;
    private final ScheduledExecutorService timer;

    JobAwaiter(RedissonClient redis, ScheduledExecutorService timer) {
        this.redis = redis;
        this.reader = new JobReader(redis);
        this.timer = timer;
    }

    /** Completes with the job once it is final, or empty once {@code max} has passed. */
    CompletableFuture<Optional<Job>> finished(JobId id, Duration max) {
        CompletableFuture<Optional<Job>> done = new CompletableFuture<>();
        Runnable look = () -> look(id, done);
        RTopic topic = redis.getTopic(new QueueKeys(id.demo()).events(id), StringCodec.INSTANCE);
        // Hop off Redisson's I/O thread before reading the record.
        int listener = topic.addListener(String.class, (channel, version) -> timer.execute(look));
        ScheduledFuture<?> poll = timer.scheduleWithFixedDelay(look, 0, POLL_MS, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> deadline = timer.schedule(() -> done.complete(Optional.empty()), max.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((job, error) -> {
            poll.cancel(false);
            deadline.cancel(false);
            topic.removeListenerAsync(listener);
        });
        return done;
    }

    private void look(JobId id, CompletableFuture<Optional<Job>> done) {
        if (done.isDone()) {
            return;
        }
        try {
            reader.get(id).filter(job -> job.state().isFinal()).ifPresent(job -> done.complete(Optional.of(job)));
        } catch (RuntimeException unreachable) {
            // Redis is away for a moment: the next poll looks again, the deadline still holds
        }
    }
}
