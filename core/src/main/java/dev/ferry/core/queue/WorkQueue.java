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
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;

/**
 * The worker side of the queue: claiming jobs and reporting what became of them. Every
 * method is one script call, so one atomic transition; a worker that lost a job (it was
 * reclaimed after a missed heartbeat) gets {@link QueueError#NOT_OWNER}.
 */
public final class WorkQueue {
    private final RedisScripts scripts;
    private final String workerId;

    public WorkQueue(RedisScripts scripts, String workerId) {
        this.scripts = scripts;
        this.workerId = workerId;
    }

    public String workerId() {
        return workerId;
    }

    /** Creates the demo's streams and consumer group when missing. Safe to call often. */
    public static void ensureGroups(RedissonClient redisson, String demo) {
        QueueKeys k = new QueueKeys(demo);
        for (Priority p : Priority.values()) {
            RStream<String, String> stream = redisson.getStream(k.stream(p), StringCodec.INSTANCE);
            // Look first: Redisson takes a BUSYGROUP reply for Redis being busy and retries it for seconds.
            if (hasGroup(stream)) {
                continue;
            }
            try {
                stream.createGroup(StreamCreateGroupArgs.name(QueueKeys.GROUP).id(org.redisson.api.StreamMessageId.ALL).makeStream());
            } catch (RedisException e) {
                if (e.getMessage() == null || !e.getMessage().contains("BUSYGROUP")) {
                    throw e;
                }
            }
        }
        redisson.getSet(QueueKeys.DEMOS, StringCodec.INSTANCE).add(demo);
    }

    private static boolean hasGroup(RStream<String, String> stream) {
        return stream.isExists() && stream.listGroups().stream().anyMatch(g -> QueueKeys.GROUP.equals(g.getName()));
    }

    /** Claims up to {@code max} queued jobs of {@code demo}, high priority first; they are running from now on. */
    public List<Job> claim(String demo, int max) {
        QueueKeys k = new QueueKeys(demo);
        List<Object> reply = scripts.run(QueueScript.CLAIM, ReturnType.MULTI,
                List.of(k.stream(Priority.HIGH), k.stream(Priority.NORMAL), k.state(JobState.QUEUED),
                        k.state(JobState.RUNNING), k.jobPrefix()),
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
        Long cancel = scripts.run(QueueScript.PROGRESS, ReturnType.INTEGER, List.of(k.job(id)),
                workerId, current, total, message, k.events(id));
        return cancel != null && cancel == 1L;
    }

    public void complete(Job job, String resultJson, List<JobFile> files) {
        QueueKeys k = new QueueKeys(job.demo());
        scripts.run(QueueScript.COMPLETE, ReturnType.VALUE,
                List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.RUNNING), k.state(JobState.SUCCEEDED), k.stats()),
                QueueKeys.GROUP, workerId, resultJson, Json.write(files), k.events(job.id()), job.id().toString());
    }

    /**
     * Records a failed attempt. Returns {@link JobState#QUEUED} when a retry was scheduled
     * after {@code backoffMs}, {@link JobState#FAILED} when the job is finished.
     */
    public JobState fail(Job job, JobError error, boolean retryable, long backoffMs) {
        QueueKeys k = new QueueKeys(job.demo());
        String state = scripts.run(QueueScript.FAIL, ReturnType.VALUE,
                List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.RUNNING), k.state(JobState.QUEUED),
                        k.state(JobState.FAILED), k.delayed(), k.stats()),
                QueueKeys.GROUP, workerId, error.code(), error.message(), retryable ? "1" : "0", backoffMs,
                k.events(job.id()), job.id().toString());
        return JobState.fromWire(state);
    }

    /** Confirms that a cancelled running job has stopped. */
    public void confirmCancel(Job job) {
        QueueKeys k = new QueueKeys(job.demo());
        scripts.run(QueueScript.CONFIRM_CANCEL, ReturnType.VALUE,
                List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.RUNNING), k.state(JobState.CANCELLED), k.stats()),
                QueueKeys.GROUP, workerId, k.events(job.id()), job.id().toString());
    }

    /** Hands a running job back to the queue without counting the attempt (graceful shutdown). */
    public void release(Job job) {
        QueueKeys k = new QueueKeys(job.demo());
        scripts.run(QueueScript.RELEASE, ReturnType.VALUE,
                List.of(k.job(job.id()), k.stream(job.priority()), k.state(JobState.RUNNING), k.state(JobState.QUEUED)),
                QueueKeys.GROUP, workerId, k.events(job.id()), k.wake(), job.id().toString());
    }
}
