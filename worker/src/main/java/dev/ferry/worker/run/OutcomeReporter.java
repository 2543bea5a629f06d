package dev.ferry.worker.run;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.ferry.core.error.ErrorCode;
import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobState;
import dev.ferry.core.json.Json;
import dev.ferry.core.queue.QueueError;
import dev.ferry.core.queue.QueueException;
import dev.ferry.core.queue.RetryPolicy;
import dev.ferry.core.queue.WorkQueue;
import dev.ferry.core.redis.RedisOutage;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.DataFolder;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how an attempt ended: one queue transition, then {@code job.json} once the job is
 * final. A transient Redis error is retried, because a job whose outcome is never recorded
 * would stay {@code running} on a live worker forever; while Redis cannot be reached at all
 * (restarting, down) it is retried until Redis is back, however long that takes, since no other
 * worker can record the outcome either; unless the worker is stopping. {@link QueueError#NOT_OWNER} means
 * the job was reclaimed and runs elsewhere: this attempt's outcome is dropped.
 */
public final class OutcomeReporter {
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeReporter.class);
    private static final int TRIES = 5;
    private static final Duration BETWEEN_TRIES = Duration.ofSeconds(1);
    private final WorkQueue queue;
    private final DataFolder data;
    private final PartialOutputs partialOutputs;
    private final RetryPolicy retries;
    private final JobDurations durations;
    private final Lifecycle lifecycle;
    private final AtomicInteger stranded = new AtomicInteger();

    public OutcomeReporter(WorkQueue queue, DataFolder data, RetryPolicy retries,
            JobDurations durations, Lifecycle lifecycle) {
        this.queue = queue;
        this.data = data;
        this.partialOutputs = new PartialOutputs(data);
        this.retries = retries;
        this.durations = durations;
        this.lifecycle = lifecycle;
    }

    void report(RunningJob running, Outcome outcome) {
        Job job = running.job();
        Duration took = Duration.ofNanos(System.nanoTime() - running.startedNanos());
        try {
            record(job, outcome).ifPresent(state -> durations.record(job.demo(), state.wireName(), took));
        } catch (QueueException e) {
            if (e.error() != QueueError.NOT_OWNER) {
                throw strand(e);
            }
            LOG.warn("job {} was reclaimed by another worker (a heartbeat was missed); dropping this attempt's outcome",
                    job.id());
        } catch (RuntimeException e) {
            throw strand(e);
        }
    }

    /** Hands a job back to the queue without counting the attempt; used by a stopping worker. */
    public void release(Job job) {
        try {
            withRetries("hand back", () -> {
                queue.release(job);
                return null;
            });
            LOG.info("handed back to the queue unfinished");
        } catch (QueueException e) {
            if (e.error() != QueueError.NOT_OWNER) {
                throw strand(e);
            }
            LOG.warn("job {} was no longer ours to hand back", job.id());
        } catch (RuntimeException e) {
            throw strand(e);
        }
    }

    /**
     * Jobs whose outcome could not be recorded: the queue still has them running here. Only
     * another worker can recover them, after this one's registry entry ages out.
     */
    public int stranded() {
        return stranded.get();
    }

    private RuntimeException strand(RuntimeException e) {
        stranded.incrementAndGet();
        return e;
    }

    private Optional<JobState> record(Job job, Outcome outcome) {
        if (outcome instanceof Outcome.Succeeded s) {
            String result = Json.write(s.result() == null ? NullNode.getInstance() : s.result());
            Job done = withRetries("record success", () -> queue.complete(job, result, s.files()));
            LOG.info("succeeded with {} output files", s.files().size());
            writeJobJson(done);
            return Optional.of(JobState.SUCCEEDED);
        }
        if (outcome instanceof Outcome.Failed f) {
            long backoff = f.retryable() ? retries.delayAfter(job.attempts()).toMillis() : 0;
            return Optional.of(fail(job, f.error(), f.retryable(), backoff));
        }
        StopReason reason = ((Outcome.Stopped) outcome).reason();
        switch (reason) {
            case CANCELLED -> {
                Job cancelled = withRetries("confirm the cancel", () -> queue.confirmCancel(job));
                LOG.info("cancelled");
                partialOutputs.discard(job.id());
                writeJobJson(cancelled);
                return Optional.of(JobState.CANCELLED);
            }
            case TIMEOUT -> {
                return Optional.of(fail(job, new JobError(ErrorCode.TIMEOUT, "exceeded its time limit of "
                        + seconds(job.timeLimitMs()) + " s"), false, 0));
            }
            case SHUTDOWN -> {
                release(job);
                return Optional.empty();
            }
            default -> {
                LOG.warn("job {} was reclaimed by another worker; dropping this attempt", job.id());
                return Optional.empty();
            }
        }
    }

    private JobState fail(Job job, JobError error, boolean retryable, long backoffMs) {
        Job after = withRetries("record the failure", () -> queue.fail(job, error, retryable, backoffMs));
        JobState state = after.state();
        if (state == JobState.QUEUED) {
            LOG.warn("attempt {} of {} failed ({}: {}); retrying in {} ms",
                    job.attempts(), job.maxAttempts(), error.code(), error.message(), backoffMs);
        } else {
            LOG.warn("failed after {} attempts ({}: {})", job.attempts(), error.code(), error.message());
            partialOutputs.discard(job.id());
            writeJobJson(after);
        }
        return state;
    }

    /** Only jobs with files have a folder: a job without inputs or outputs lives in Redis alone. */
    private void writeJobJson(Job job) {
        try {
            if (Files.isDirectory(data.jobDir(job.id()))) {
                AtomicFiles.write(data.jobJson(job.id()), Json.writeBytes(job));
            }
        } catch (RuntimeException e) {
            // The record in Redis is the truth; job.json is a copy for people and backups.
            LOG.warn("could not write job.json: {}", e.toString());
        }
    }

    private <T> T withRetries(String what, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (QueueException e) {
                throw e;
            } catch (RuntimeException e) {
                if ((attempt >= TRIES && !waitsOut(e)) || lifecycle.halted()) {
                    throw e;
                }
                LOG.warn("could not {} ({}); trying again", what, e.toString());
                try {
                    Thread.sleep(BETWEEN_TRIES.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A running worker waits for an unreachable Redis; a stopping one does not, so that a stop stays bounded. */
    private boolean waitsOut(RuntimeException e) {
        return RedisOutage.is(e) && !lifecycle.stopping();
    }

    static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }
}
