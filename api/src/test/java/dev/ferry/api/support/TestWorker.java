package dev.ferry.api.support;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.queue.Maintenance;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.WorkQueue;
import java.util.List;
import org.redisson.api.RedissonClient;

/** The test acting as a worker, through the same queue calls a real worker makes. */
public final class TestWorker {
    private final WorkQueue queue;
    private final Maintenance maintenance;

    public TestWorker(RedissonClient redis, String id) {
        RedisScripts scripts = new RedisScripts(redis);
        this.queue = new WorkQueue(scripts, id);
        this.maintenance = new Maintenance(scripts);
    }

    public Job claim(String demo) {
        List<Job> jobs = queue.claim(demo, 1);
        if (jobs.isEmpty()) {
            throw new AssertionError("no queued job of " + demo);
        }
        return jobs.get(0);
    }

    /** What a claim call hands out now: none while the demo's queue is paused. */
    public List<Job> claimAll(String demo) {
        return queue.claim(demo, 100);
    }

    /**
     * Claims the next job of {@code demo} and dies running it; reclaimed with a poison
     * threshold of one death, the job fails as a dead letter.
     */
    public Job dieWith(String demo) {
        Job job = claim(demo);
        maintenance.reclaim(demo, queue.workerId(), 1);
        return job;
    }

    public void progress(Job job, long current, long total, String message) {
        queue.progress(job.id(), current, total, message);
    }

    public void complete(Job job, String resultJson, List<JobFile> files) {
        queue.complete(job, resultJson, files);
    }
}
