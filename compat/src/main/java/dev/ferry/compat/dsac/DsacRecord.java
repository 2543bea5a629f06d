package dev.ferry.compat.dsac;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.core.job.JobId;
import dev.ferry.core.json.Json;
import dev.ferry.core.storage.AtomicFiles;
import dev.ferry.core.storage.DataFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a DSAC request said that the asr job does not hold, for the RETURN_URL post and the
 * status route: the caller's USER_ID, JOB_ID and TAG. Never the key. Kept in the job's folder,
 * so it lasts as long as the job and no demo reads it.
 */
record DsacRecord(@JsonProperty("user_id") String userId, @JsonProperty("job_id") String jobId, @JsonProperty("tag") String tag) {
    static final String FILE_NAME = "compat-dsac.json";

    static DsacRecord of(DsacRequest request) {
        return new DsacRecord(request.userId(), request.jobId(), request.tag());
    }

    void save(DataFolder data, JobId id) {
        AtomicFiles.write(file(data, id), Json.writeBytes(this));
    }

    /** Empty for a job not started through DSAC's route. */
    static Optional<DsacRecord> load(DataFolder data, JobId id) {
        Path file = file(data, id);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), DsacRecord.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path file(DataFolder data, JobId id) {
        return data.jobDir(id).resolve(FILE_NAME);
    }
}
