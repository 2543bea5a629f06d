package dev.ferry.app.bench.faults;

import dev.ferry.core.job.JobState;
import java.util.List;

/**
 * How a fault scenario ended: every accepted job's history, the kills, the submits refused
 * while the fault lasted, and the recovery times it measured (for workers killed, the time
 * from the kill until each job they left running was reclaimed and until it ran again).
 */
public record ChaosReport(List<JobHistory> jobs, int kills, int workersStarted, int refused, List<RecoveryTimes> recoveries,
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
