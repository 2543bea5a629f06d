package dev.ferry.worker.tasks;

import dev.ferry.core.job.JobId;
import dev.ferry.core.queue.Maintenance;
import dev.ferry.core.storage.DataFolder;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Forgets finished jobs older than the retention period and deletes their folders. */
public final class SweepExpiredJobs implements Runnable {
    /** How many ids one expire call returns at most (Maintenance's batch). */
    private static final int BATCH = 500;
    private static final int MOST_BATCHES_PER_RUN = 20;
    private static final Logger LOG = LoggerFactory.getLogger(SweepExpiredJobs.class);
    private final Maintenance maintenance;
    private final DataFolder data;
    private final List<String> demos;
    private final Duration retention;

    public SweepExpiredJobs(Maintenance maintenance, DataFolder data, List<String> demos, Duration retention) {
        this.maintenance = maintenance;
        this.data = data;
        this.demos = List.copyOf(demos);
        this.retention = retention;
    }

    @Override
    public void run() {
        for (String demo : demos) {
            int swept = 0;
            for (int batch = 0; batch < MOST_BATCHES_PER_RUN; batch++) {
                List<JobId> gone = maintenance.expire(demo, retention);
                gone.forEach(this::deleteFolder);
                swept += gone.size();
                if (gone.size() < BATCH) {
                    break;
                }
            }
            if (swept > 0) {
                LOG.info("swept {} jobs of {} older than {}", swept, demo, retention);
            }
        }
    }

    private void deleteFolder(JobId id) {
        try {
            data.deleteJob(id);
        } catch (RuntimeException e) {
            LOG.warn("could not delete the folder of expired job {}: {}", id, e.toString());
        }
    }
}
