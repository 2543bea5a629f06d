package dev.ferry.api.support;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobFile;
import dev.ferry.core.queue.RedisScripts;
import dev.ferry.core.queue.WorkQueue;
import java.util.List;
import org.redisson.api.RedissonClient;

/** The test acting as a worker, through the same queue calls a real worker makes. */
public final class TestWorker {
    private final WorkQueue queue;

    public TestWorker(RedissonClient redis, String id) {
        this.queue = new WorkQueue(new RedisScripts(redis), id);
    }

    public Job claim(String demo) {
        List<Job> jobs = queue.claim(demo, 1);
        if (jobs.isEmpty()) {
            throw new AssertionError("no queued job of " + demo);
        }
        return jobs.get(0);
    }

    public void progress(Job job, long current, long total, String message) {
        queue.progress(job.id(), current, total, message);
    }

    public void complete(Job job, String resultJson, List<JobFile> files) {
        queue.complete(job, resultJson, files);
    }
}
