package dev.ferry.app.bench.faults;

import dev.ferry.core.job.JobState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The jobs a killed worker left running, watched from the kill until each has been reclaimed
 * (no longer running on the dead worker) and until it runs again on another worker (or has
 * ended): the two recovery times of each.
 */
final class Recovery {
    private final long killNanos;
    private final String deadWorker;
    private final Set<String> notReclaimed;
    private final Set<String> notRerun;

    Recovery(long killNanos, String deadWorker, List<String> stranded) {
        this.killNanos = killNanos;
        this.deadWorker = deadWorker;
        this.notReclaimed = new HashSet<>(stranded);
        this.notRerun = new HashSet<>(stranded);
    }

    /** Checks the jobs still waiting ({@code fields} reads a job's record), adding the times of those that got there to the lists. */
    void poll(Function<String, Map<String, String>> fields, List<Long> reclaimMs, List<Long> rerunMs) {
        long ms = (System.nanoTime() - killNanos) / 1_000_000;
        for (String id : new ArrayList<>(notRerun)) {
            Map<String, String> job = fields.apply(id);
            JobState state = JobState.fromWire(job.getOrDefault("state", "queued"));
            boolean elsewhere = !deadWorker.equals(job.get("worker"));
            if ((state != JobState.RUNNING || elsewhere) && notReclaimed.remove(id)) {
                reclaimMs.add(ms);
            }
            if (state == JobState.RUNNING && elsewhere || state.isFinal()) {
                notRerun.remove(id);
                rerunMs.add(ms);
            }
        }
    }

    boolean done() {
        return notRerun.isEmpty();
    }
}
