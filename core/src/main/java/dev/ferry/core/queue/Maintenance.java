package dev.ferry.core.queue;

import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.job.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RScript.ReturnType;

/** The queue transitions that timers drive: promoting retries, reclaiming jobs of dead workers, expiring old jobs. */
public final class Maintenance {
    private static final int BATCH = 500;
    private final RedisScripts scripts;

    public Maintenance(RedisScripts scripts) {
        this.scripts = scripts;
    }

    /** Queues retries whose backoff has passed; returns how many. */
    public long promoteDue(String demo) {
        QueueKeys k = new QueueKeys(demo);
        Long moved = scripts.run(QueueScript.PROMOTE, ReturnType.INTEGER,
                List.of(k.delayed(), k.stream(Priority.HIGH), k.stream(Priority.NORMAL), k.jobPrefix()),
                BATCH, k.wake());
        return moved == null ? 0 : moved;
    }

    /** Recovers the running jobs of a dead worker; returns each job's new state. */
    public Map<JobId, JobState> reclaim(String demo, String deadWorker, int poisonAfter) {
        QueueKeys k = new QueueKeys(demo);
        List<Object> flat = scripts.run(QueueScript.RECLAIM, ReturnType.MULTI,
                List.of(k.stream(Priority.HIGH), k.stream(Priority.NORMAL), k.state(JobState.RUNNING), k.state(JobState.QUEUED),
                        k.state(JobState.FAILED), k.state(JobState.CANCELLED), k.stats(), k.jobPrefix(),
                        k.deadLetters(), k.webhooks()),
                QueueKeys.GROUP, deadWorker, poisonAfter, k.eventsPrefix(), k.wake());
        Map<JobId, JobState> outcomes = new LinkedHashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            outcomes.put(JobId.parse(String.valueOf(flat.get(i))).orElseThrow(), JobState.fromWire(String.valueOf(flat.get(i + 1))));
        }
        return outcomes;
    }

    /** Forgets up to one batch of finished jobs older than {@code retention}; returns their ids. */
    public List<JobId> expire(String demo, Duration retention) {
        QueueKeys k = new QueueKeys(demo);
        List<Object> ids = scripts.run(QueueScript.EXPIRE, ReturnType.MULTI,
                List.of(k.state(JobState.SUCCEEDED), k.state(JobState.FAILED), k.state(JobState.CANCELLED), k.created(), k.jobPrefix(),
                        k.deadLetters()),
                retention.toMillis(), BATCH);
        List<JobId> gone = new ArrayList<>(ids.size());
        for (Object id : ids) {
            gone.add(JobId.parse(String.valueOf(id)).orElseThrow());
        }
        return gone;
    }
}
