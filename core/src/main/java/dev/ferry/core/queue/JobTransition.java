package dev.ferry.core.queue;

import static dev.ferry.core.job.JobState.CANCELLED;
import static dev.ferry.core.job.JobState.FAILED;
import static dev.ferry.core.job.JobState.QUEUED;
import static dev.ferry.core.job.JobState.RUNNING;
import static dev.ferry.core.job.JobState.SUCCEEDED;

import dev.ferry.core.job.JobState;
import java.util.Locale;
import java.util.Set;

/**
 * The table of allowed state changes: each row names the queue script that makes it, the
 * states a job may be in before, and the states it may be in after. Only the scripts change
 * states, so this table is their promise, not a check Java makes: docs/queue.md prints it,
 * and a test holds the scripts to it, including that from a state no row of a script lists,
 * the script leaves the job as it is.
 */
public enum JobTransition {
    SUBMIT(QueueScript.SUBMIT, Set.of(), Set.of(QUEUED)),
    CLAIM(QueueScript.CLAIM, Set.of(QUEUED), Set.of(RUNNING)),
    PROGRESS(QueueScript.PROGRESS, Set.of(RUNNING), Set.of(RUNNING)),
    COMPLETE(QueueScript.COMPLETE, Set.of(RUNNING), Set.of(SUCCEEDED)),
    /** Queued again (after a backoff) while the failure is retryable and attempts are left; else failed. */
    FAIL(QueueScript.FAIL, Set.of(RUNNING), Set.of(QUEUED, FAILED)),
    CANCEL(QueueScript.CANCEL, Set.of(QUEUED), Set.of(CANCELLED)),
    /** The same script on a running job only raises its cancel flag; the worker confirms once the demo stopped. */
    REQUEST_CANCEL(QueueScript.CANCEL, Set.of(RUNNING), Set.of(RUNNING)),
    CONFIRM_CANCEL(QueueScript.CONFIRM_CANCEL, Set.of(RUNNING), Set.of(CANCELLED)),
    RELEASE(QueueScript.RELEASE, Set.of(RUNNING), Set.of(QUEUED)),
    /** A dead worker's job: queued again, cancelled (a cancel was requested) or failed (poison, worker_lost). */
    RECLAIM(QueueScript.RECLAIM, Set.of(RUNNING), Set.of(QUEUED, FAILED, CANCELLED)),
    /** A retry whose backoff passed goes from the delayed set back onto its stream. */
    PROMOTE(QueueScript.PROMOTE, Set.of(QUEUED), Set.of(QUEUED)),
    EXPIRE(QueueScript.EXPIRE, Set.of(SUCCEEDED, FAILED, CANCELLED), Set.of()),
    /** An operator's retry of a dead letter, with a fresh attempt budget; any other failed job is refused. */
    RETRY(QueueScript.RETRY, Set.of(FAILED), Set.of(QUEUED)),
    /** An operator's delete of a dead letter; any other failed job is refused. */
    DELETE(QueueScript.DELETE, Set.of(FAILED), Set.of());

    private final QueueScript script;
    private final Set<JobState> from;
    private final Set<JobState> to;

    JobTransition(QueueScript script, Set<JobState> from, Set<JobState> to) {
        this.script = script;
        this.from = from;
        this.to = to;
    }

    public QueueScript script() {
        return script;
    }

    /** The states a job may be in before; empty when the job has no record yet (submit). */
    public Set<JobState> from() {
        return from;
    }

    /** The states a job may be in after; empty when its record is gone (expire). */
    public Set<JobState> to() {
        return to;
    }

    /** The name docs/queue.md gives the transition. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
