package dev.ferry.worker.run;

import dev.ferry.core.demo.JobCancelledException;
import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.QueueError;
import dev.ferry.core.queue.QueueException;
import dev.ferry.core.queue.WorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo's progress reports, written to the queue at most every {@link #MIN_GAP_NANOS}
 * (always the first, and the last one, where current reaches a known total) so a tight
 * loop cannot flood Redis. Every report is
 * also a cancellation point, and the queue's answer tells whether a cancel was requested.
 */
final class ProgressReporter {
    static final long MIN_GAP_NANOS = 100_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);
    private final WorkQueue queue;
    private final JobId id;
    private final CancelToken token;
    private final Lifecycle lifecycle;
    private boolean reported;
    private long lastWriteNanos;
    private boolean warned;

    ProgressReporter(WorkQueue queue, JobId id, CancelToken token, Lifecycle lifecycle) {
        this.queue = queue;
        this.id = id;
        this.token = token;
        this.lifecycle = lifecycle;
    }

    synchronized void report(long current, long total, String message) {
        throwIfStopped();
        long now = System.nanoTime();
        boolean last = total > 0 && current >= total;
        if (reported && !last && now - lastWriteNanos < MIN_GAP_NANOS) {
            return;
        }
        reported = true;
        lastWriteNanos = now;
        write(current, total, message == null ? "" : message);
        throwIfStopped();
    }

    boolean isStopped() {
        return token.isStopped() || lifecycle.halted();
    }

    private void write(long current, long total, String message) {
        try {
            if (queue.progress(id, current, total, message)) {
                token.stop(StopReason.CANCELLED);
            }
            warned = false;
        } catch (QueueException e) {
            if (e.error() == QueueError.NOT_OWNER) {
                token.stop(StopReason.LOST);
            } else {
                warnOnce(e);
            }
        } catch (RuntimeException e) {
            // A progress line lost to a Redis hiccup is not worth failing the job for.
            if (!isStopped()) {
                warnOnce(e);
            }
        }
    }

    private void warnOnce(RuntimeException e) {
        if (!warned) {
            LOG.warn("could not record progress: {}", e.toString());
            warned = true;
        }
    }

    private void throwIfStopped() {
        if (isStopped()) {
            throw new JobCancelledException("job " + id + " was stopped"
                    + token.reason().map(r -> " (" + r.name().toLowerCase() + ")").orElse(""));
        }
    }
}
