package dev.ferry.core.queue;

import java.util.List;
import java.util.Optional;

/**
 * What a demo's jobs can expect: how long one runs, and how many job slots the live workers
 * serving it have, in all and free.
 */
public record DemoOutlook(Spread run, int slots, int freeSlots) {
    /**
     * Before a demo's first success: a guess, not its time limit, which would promise minutes
     * for jobs that mostly take seconds. Image demos take about a second on a CPU, video and
     * audio ones tens of seconds; 10 s leans towards the quick ones and the 90th percentile
     * covers the slow.
     */
    public static final Spread DEFAULT_RUN = new Spread(10, 30);

    static DemoOutlook of(List<JobTiming> recent, List<WorkerStatus> serving) {
        Spread run = recent.isEmpty() ? DEFAULT_RUN : Spread.ofMillis(recent.stream().map(JobTiming::runMs).toList());
        int slots = serving.stream().mapToInt(w -> w.info().concurrency()).sum();
        int free = serving.stream().mapToInt(w -> Math.max(0, w.info().concurrency() - w.info().runningJobs().size())).sum();
        return new DemoOutlook(run, slots, free);
    }

    /**
     * A queued job at {@code position} starts at once when a slot is free for it; otherwise once
     * the jobs ahead of it that found no free slot are done, the slots finishing one run each
     * per run time.
     */
    JobEstimate queued(long position) {
        if (slots == 0) {
            return new JobEstimate(Optional.of(position), Optional.empty(), Optional.empty());
        }
        Spread start = run.times((double) Math.max(0, position - freeSlots) / slots);
        return new JobEstimate(Optional.of(position), Optional.of(start), Optional.of(start.plus(run)));
    }

    /** A running job should finish after the run time less what it has run; 0 once it ran longer. */
    JobEstimate running(double elapsedS) {
        return new JobEstimate(Optional.of(0L), Optional.of(new Spread(0, 0)), Optional.of(run.minus(elapsedS)));
    }
}
