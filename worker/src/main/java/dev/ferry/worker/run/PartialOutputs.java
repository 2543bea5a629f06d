package dev.ferry.worker.run;

import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.DataFolder;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what a job that ended without success wrote. Only a succeeded job lists its
 * output files; anything left by a cancelled or failed one would use disk space no client
 * can see. Called once the job is final in the queue, so no other attempt writes there; or
 * by the attempt itself when it filled the disk, while the job is still its own.
 */
public final class PartialOutputs {
    private static final Logger LOG = LoggerFactory.getLogger(PartialOutputs.class);
    private final DataFolder data;

    public PartialOutputs(DataFolder data) {
        this.data = data;
    }

    public void discard(JobId id) {
        try {
            DataFolder.deleteTree(data.outputsDir(id));
        } catch (UncheckedIOException e) {
            // The job's record is final either way; retention removes the folder later.
            LOG.warn("could not delete the partial outputs of job {}: {}", id, e.getCause().toString());
        }
    }
}
