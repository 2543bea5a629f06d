package dev.ferry.worker.tasks;

import dev.ferry.core.job.JobId;
import dev.ferry.core.job.JobState;
import dev.ferry.core.queue.Maintenance;
import dev.ferry.core.queue.WorkerRegistry;
import dev.ferry.worker.run.PartialOutputs;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Recovers the jobs of workers that stopped beating, for every demo anyone registered
 * (not only ours: the dead worker may have served demos no live worker serves). The
 * reclaim script decides each job's fate: queued again, cancelled, or failed as poison;
 * a job that ended here loses what the dead worker had written of its outputs.
 */
public final class ReclaimDeadWorkers implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReclaimDeadWorkers.class);
    private final WorkerRegistry registry;
    private final Maintenance maintenance;
    private final String self;
    private final Duration deadAfter;
    private final int poisonAfter;
    private final PartialOutputs partialOutputs;

    public ReclaimDeadWorkers(WorkerRegistry registry, Maintenance maintenance, String self, Duration deadAfter, int poisonAfter,
            PartialOutputs partialOutputs) {
        this.registry = registry;
        this.maintenance = maintenance;
        this.self = self;
        this.deadAfter = deadAfter;
        this.poisonAfter = poisonAfter;
        this.partialOutputs = partialOutputs;
    }

    @Override
    public void run() {
        for (String dead : registry.dead(deadAfter)) {
            if (!dead.equals(self)) {
                reclaim(dead);
            }
        }
    }

    private void reclaim(String dead) {
        int recovered = 0;
        for (String demo : registry.knownDemos()) {
            Map<JobId, JobState> outcomes = maintenance.reclaim(demo, dead, poisonAfter);
            outcomes.forEach((id, state) -> {
                MDC.put("job", id.toString());
                LOG.warn("job of dead worker {} is now {}", dead, state.wireName());
                if (state.isFinal()) {
                    partialOutputs.discard(id);
                }
                MDC.remove("job");
            });
            recovered += outcomes.size();
        }
        registry.forget(dead);
        LOG.warn("worker {} sent no heartbeat for over {} s; recovered {} of its jobs", dead, deadAfter.toSeconds(), recovered);
    }
}
