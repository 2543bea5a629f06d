package dev.ferry.app.bench.faults;

import dev.ferry.core.job.JobState;
import java.util.List;

/**
 * How a fault scenario ended: every job's history, the kills, and for each job a killed
 * worker left running, the time from the kill until it was reclaimed (queued again) and
 * until it ran again on another worker.
 */
public record ChaosReport(List<JobHistory> jobs, int kills, int workersStarted, List<Long> reclaimMs, List<Long> rerunMs,
        long elapsedMs) {

    public int submitted() {
        return jobs.size();
    }

    public long succeeded() {
        return jobs.stream().filter(j -> j.state() == JobState.SUCCEEDED).count();
    }

    /** Jobs that did not succeed. */
    public long lost() {
        return submitted() - succeeded();
    }

    public long ranTwice() {
        return jobs.stream().filter(JobHistory::ranTwice).count();
    }

    public int deaths() {
        return jobs.stream().mapToInt(JobHistory::deaths).sum();
    }
}
