package dev.ferry.compat.dsac;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.compat.JobSideFile;
import dev.ferry.core.job.JobId;
import dev.ferry.core.storage.DataFolder;
import java.util.Optional;

/**
 * What a DSAC request said that the asr job does not hold, for the RETURN_URL post and the
 * status route: the caller's USER_ID, JOB_ID and TAG. Never the key. Kept in the job's folder,
 * so it lasts as long as the job and no demo reads it.
 */
record DsacRecord(@JsonProperty("user_id") String userId, @JsonProperty("job_id") String jobId, @JsonProperty("tag") String tag) {
    static final String FILE_NAME = "compat-dsac.json";
    private static final JobSideFile<DsacRecord> FILE = new JobSideFile<>(FILE_NAME, DsacRecord.class);

    static DsacRecord of(DsacRequest request) {
        return new DsacRecord(request.userId(), request.jobId(), request.tag());
    }

    void save(DataFolder data, JobId id) {
        FILE.save(data, id, this);
    }

    /** Empty for a job not started through these routes. */
    static Optional<DsacRecord> load(DataFolder data, JobId id) {
        return FILE.load(data, id);
    }
}
