package dev.ferry.core.queue;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.redisson.api.RScript.ReturnType;

/** Estimates where a job stands and when it starts and finishes, from its demo's recent runs and live workers. */
public final class JobEstimator {
    private final RedisScripts scripts;
    private final RecentTimings timings;
    private final WorkerRegistry workers;
    private final QueuePause pause;
    private final Duration deadAfter;

    public JobEstimator(RedisScripts scripts, WorkerRegistry workers, Duration deadAfter) {
        this.scripts = scripts;
        this.timings = new RecentTimings(scripts.redisson());
        this.workers = workers;
        this.pause = new QueuePause(scripts);
        this.deadAfter = deadAfter;
    }

    public JobEstimate estimate(Job job) {
        return job.state().isFinal() ? JobEstimate.NONE : estimate(job, outlook(job.demo()));
    }

    /** For many jobs of one demo, which share an outlook. */
    public JobEstimate estimate(Job job, DemoOutlook outlook) {
        if (job.state().isFinal()) {
            return JobEstimate.NONE;
        }
        QueueKeys k = new QueueKeys(job.demo());
        List<Object> standing = scripts.run(QueueScript.POSITION, ReturnType.MULTI,
                List.of(k.job(job.id()), k.stream(Priority.HIGH), k.stream(Priority.NORMAL)), QueueKeys.GROUP);
        long position = ((Number) standing.get(0)).longValue();
        long now = ((Number) standing.get(1)).longValue();
        if (position > 0) {
            return outlook.queued(position);
        }
        if (position == 0) {
            // Claimed since the record was read: it has only just started.
            long startedAt = job.startedAt().map(Instant::toEpochMilli).orElse(now);
            return outlook.running((now - startedAt) / 1000.0);
        }
        // Finished since the record was read: the next read tells.
        return JobEstimate.NONE;
    }

    /** A paused demo is served by no worker until it resumes: its queued jobs have a place but no times. */
    public DemoOutlook outlook(String demo) {
        List<WorkerStatus> serving = pause.isPaused(demo) ? List.of() : workers.all().stream()
                .filter(w -> w.heartbeatAgeMs() < deadAfter.toMillis() && w.info().demos().contains(demo))
                .toList();
        return DemoOutlook.of(timings.of(demo), serving);
    }
}
