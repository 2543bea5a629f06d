package dev.ferry.core.queue;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobError;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import dev.ferry.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RedissonClient;
import org.redisson.api.RScript.ReturnType;
import org.redisson.client.codec.StringCodec;

/**
 * The worker side of the queue: claiming jobs and reporting what became of them. Every
 * method is one script call, so one atomic transition; a worker that lost a job (it was
 * reclaimed after a missed heartbeat) gets {@link QueueError#NOT_OWNER}.
 */
public final class WorkQueue {
    private final RedisScripts scripts;
    private final String workerId;
    private final String device;

    /** A worker whose device is not told; its timings show it as {@code unknown}. */
    public WorkQueue(RedisScripts scripts, String workerId) {
        this(scripts, workerId, "unknown");
    }

    /** @param device what the worker runs on, as its heartbeat says: recorded with each job's timing */
    public WorkQueue(RedisScripts scripts, String workerId, String device) {
        this.scripts = scripts;
        this.workerId = workerId;
        this.device = device;
    }

    public String workerId() {
        return workerId;
    }

    /** Creates the demo's streams and consumer group when missing. Safe to call often. */
    public static void ensureGroups(RedissonClient redisson, String demo) {
        QueueKeys k = new QueueKeys(demo);
        new RedisScripts(redisson).run(QueueScript.ENSURE_GROUPS, ReturnType.INTEGER,
                List.of(k.stream(Priority.HIGH), k.stream(Priority.NORMAL)), QueueKeys.GROUP);
        redisson.getSet(QueueKeys.DEMOS, StringCodec.INSTANCE).add(demo);
    }

    /**
     * Claims up to {@code max} queued jobs of {@code demo}, high priority first; they are running from now on.
     * None while the demo's queue is paused ({@link QueuePause}).
     */
    public List<Job> claim(String demo, int max) {
        QueueKeys k = new QueueKeys(demo);
        List<Object> reply = scripts.run(QueueScript.CLAIM, ReturnType.MULTI,
                List.of(k.stream(Priority.HIGH), k.stream(Priority.NORMAL), k.state(JobState.QUEUED),
                        k.state(JobState.RUNNING), k.jobPrefix(), k.paused(), k.webhooks()),
                QueueKeys.GROUP, workerId, max, k.eventsPrefix());
        List<Job> jobs = new ArrayList<>(reply.size());
        for (Object record : reply) {
            jobs.add(JobRecord.fromFlat((List<?>) record));
        }
        return jobs;
    }

    /** Records progress; returns true when a cancel was requested meanwhile. */
    public boolean progress(JobId id, long current, long total, String message) {
        QueueKeys k = new QueueKeys(id.demo());
        Long cancel = scripts.run(QueueScript.PROGRESS, ReturnType.INTEGER, List.of(k.job(id), k.webhooks()),
                workerId, current, total, message, k.events(id), id.toString());
        return cancel != null && cancel == 1L;
    }

    /** Records success and the job's timing ({@link RecentTimings}); returns the finished job's record. */
    public Job complete(Job job, String resultJson, List<JobFile> files) {
        QueueKeys k = new QueueKeys(job.demo());
        return record(scripts.run(QueueScript.COMPLETE, ReturnType.MULTI,
                List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.RUNNING), k.state(JobState.SUCCEEDED), k.stats(),
                        k.timings(), k.webhooks()),
                QueueKeys.GROUP, workerId, resultJson, Json.write(files), k.events(job.id()), job.id().toString(),
                device, RecentTimings.KEPT));
    }

    /**
     * Records a failed attempt and returns the job's record: {@link JobState#QUEUED} when a
     * retry was scheduled after {@code backoffMs}, {@link JobState#FAILED} when it is finished.
     */
    public Job fail(Job job, JobError error, boolean retryable, long backoffMs) {
        QueueKeys k = new QueueKeys(job.demo());
        return record(scripts.run(QueueScript.FAIL, ReturnType.MULTI,
                List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.RUNNING), k.state(JobState.QUEUED),
                        k.state(JobState.FAILED), k.delayed(), k.stats(), k.deadLetters(), k.webhooks()),
                QueueKeys.GROUP, workerId, error.code(), error.message(), retryable ? "1" : "0", backoffMs,
                k.events(job.id()), job.id().toString()));
    }

    /** Confirms that a cancelled running job has stopped; returns its final record. */
    public Job confirmCancel(Job job) {
        QueueKeys k = new QueueKeys(job.demo());
        return record(scripts.run(QueueScript.CONFIRM_CANCEL, ReturnType.MULTI,
                List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.RUNNING), k.state(JobState.CANCELLED), k.stats(),
                        k.webhooks()),
                QueueKeys.GROUP, workerId, k.events(job.id()), job.id().toString()));
    }

    /** Hands a running job back to the queue without counting the attempt (graceful shutdown). */
    public void release(Job job) {
        QueueKeys k = new QueueKeys(job.demo());
        scripts.run(QueueScript.RELEASE, ReturnType.VALUE,
                List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.RUNNING), k.state(JobState.QUEUED)),
                QueueKeys.GROUP, workerId, k.events(job.id()), k.wake(), job.id().toString());
    }

    private static Job record(List<Object> flat) {
        return JobRecord.fromFlat(flat);
    }
}
