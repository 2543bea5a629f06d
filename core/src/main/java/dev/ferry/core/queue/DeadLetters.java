package dev.ferry.core.queue;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import java.util.Collection;
import java.util.List;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript.ReturnType;
import org.redisson.client.codec.StringCodec;

/**
 * An operator's handles on a demo's dead letters (failed jobs a retry could have saved):
 * list them, send one back to the queue, or delete one. Each retry and delete is one script,
 * so a job is never half retried or half deleted; the caller deletes a deleted job's folder.
 */
public final class DeadLetters {
    private final RedisScripts scripts;
    private final JobReader reader;

    public DeadLetters(RedisScripts scripts, JobReader reader) {
        this.scripts = scripts;
        this.reader = reader;
    }

    public long count(String demo) {
        return index(demo).size();
    }

    /** The newest {@code limit} dead letters of the demo, by when they failed. */
    public List<Job> newest(String demo, int limit) {
        return reader.getAll(demo, index(demo).valueRangeReversed(0, limit - 1));
    }

    /** Every dead letter's id, oldest first: what "retry all" and "delete all" walk through. */
    public List<JobId> ids(String demo) {
        return index(demo).readAll().stream().map(id -> JobId.parse(id).orElseThrow()).toList();
    }

    /**
     * Queues a dead letter again with a fresh attempt budget.
     *
     * @throws QueueException with {@link QueueError#NOT_FOUND} or {@link QueueError#NOT_DEAD_LETTER}
     */
    public void retry(JobId id) {
        QueueKeys k = new QueueKeys(id.demo());
        scripts.run(QueueScript.RETRY, ReturnType.VALUE,
                List.of(k.job(id), k.stream(Priority.HIGH), k.stream(Priority.NORMAL), k.state(JobState.FAILED),
                        k.state(JobState.QUEUED), k.deadLetters()),
                id.toString(), k.events(id), k.wake());
    }

    /**
     * Forgets a dead letter: its record and its indexes.
     *
     * @throws QueueException with {@link QueueError#NOT_FOUND} or {@link QueueError#NOT_DEAD_LETTER}
     */
    public void delete(JobId id) {
        QueueKeys k = new QueueKeys(id.demo());
        scripts.run(QueueScript.DELETE, ReturnType.VALUE,
                List.of(k.job(id), k.state(JobState.FAILED), k.created(), k.deadLetters()), id.toString());
    }

    private RScoredSortedSet<String> index(String demo) {
        return scripts.redisson().getScoredSortedSet(new QueueKeys(demo).deadLetters(), StringCodec.INSTANCE);
    }
}
