package dev.ferry.compat.discover;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.compat.JobSideFile;
import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.DataFolder;
import java.util.List;
import java.util.Optional;

/**
 * What a discover start said that a Ferry job does not hold: the experiment, where to call back,
 * the documents as named, and the address the client reached Ferry at (discover's answers carry
 * absolute URLs). Kept in the job's own folder, so it lasts exactly as long as the job
 * ({@code FERRY_RETENTION}) and no demo sees it. The callbacks (issue 14, part 1's delivery
 * engine) read {@code notifyUrl} and build their bodies from it.
 */
record DiscoverRecord(@JsonProperty("experiment_id") String experimentId, @JsonProperty("notify_url") Optional<String> notifyUrl,
                      @JsonProperty("base_url") String baseUrl, @JsonProperty("documents") List<DiscoverDocument> documents) {
    static final String FILE_NAME = "compat-discover.json";
    private static final JobSideFile<DiscoverRecord> FILE = new JobSideFile<>(FILE_NAME, DiscoverRecord.class);

    void save(DataFolder data, JobId id) {
        FILE.save(data, id, this);
    }

    /** Empty for a job not started through these routes. */
    static Optional<DiscoverRecord> load(DataFolder data, JobId id) {
        return FILE.load(data, id);
    }
}
