package dev.ferry.worker.run;

import dev.ferry.core.job.Job;
import dev.ferry.core.job.JobId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs running on this worker. A cancel can arrive between the claim and the moment
 * the job is registered here, so cancels for unknown jobs are remembered for a while and
 * applied when such a job turns up.
 */
public final class RunningJobs {
    private static final long REMEMBER_CANCEL_NANOS = Duration.ofSeconds(30).toNanos();
    private final Map<JobId, RunningJob> jobs = new ConcurrentHashMap<>();
    private final Map<JobId, Long> earlyCancels = new ConcurrentHashMap<>();

    public RunningJob add(Job job) {
        RunningJob running = new RunningJob(job);
        jobs.put(job.id(), running);
        if (earlyCancels.remove(job.id()) != null) {
            running.token().stop(StopReason.CANCELLED);
        }
        return running;
    }

    public void remove(RunningJob running) {
        synchronized (this) {
            jobs.remove(running.job().id(), running);
            notifyAll();
        }
    }

    /**
     * A client cancelled {@code id}: stops it when it runs here and returns true. Ids that
     * are not job ids are ignored.
     */
    public boolean requestCancel(String id) {
        JobId jobId = JobId.parse(id).orElse(null);
        if (jobId == null) {
            return false;
        }
        RunningJob running = jobs.get(jobId);
        if (running != null) {
            running.token().stop(StopReason.CANCELLED);
            return true;
        }
        long now = System.nanoTime();
        earlyCancels.values().removeIf(at -> now - at > REMEMBER_CANCEL_NANOS);
        earlyCancels.put(jobId, now);
        // The job may have been registered while we looked.
        RunningJob late = jobs.get(jobId);
        if (late != null && earlyCancels.remove(jobId) != null) {
            late.token().stop(StopReason.CANCELLED);
            return true;
        }
        return false;
    }

    public Collection<RunningJob> all() {
        return List.copyOf(jobs.values());
    }

    public List<String> ids() {
        return jobs.keySet().stream().map(JobId::toString).sorted().toList();
    }

    public int size() {
        return jobs.size();
    }

    /** Waits until no job runs here; returns false when {@code timeout} passed first. */
    public synchronized boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!jobs.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
